import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DetailedHealthResponse, HealthResponse } from '@tradeassist/shared-types';
import { HealthService } from './health.service';
import { Public } from '../access';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOkResponse({ description: 'Overall status for dashboards and the Phase 1 clients' })
  summary(): Promise<HealthResponse> {
    return this.health.summary();
  }

  @Get('detailed')
  @ApiOkResponse({ description: 'Database, feed, WebSocket and process metrics' })
  detailed(): Promise<DetailedHealthResponse> {
    return this.health.detailed();
  }
}
