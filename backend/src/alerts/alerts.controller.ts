import { Controller, Delete, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AlertDetail, AlertListResponse, AlertStats, MessageResponse } from '@tradeassist/shared-types';
import { IdParamPipe } from '../common';
import { Requires } from '../access';
import { AlertDetailDto } from './dto/alert-detail.dto';
import { AlertListDto, AlertQueryDto, AlertStatsDto } from './dto/alert.dto';
import { AlertsService } from './alerts.service';

@ApiTags('alerts')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Requires('viewer')
  @Get()
  @ApiOkResponse({ type: AlertListDto })
  list(@Query() query: AlertQueryDto): Promise<AlertListResponse> {
    return this.alerts.list(query);
  }

  @Requires('viewer')
  @Get('stats')
  @ApiOkResponse({ type: AlertStatsDto })
  stats(): Promise<AlertStats> {
    return this.alerts.stats();
  }

  // After 'stats', so that path is not taken for an id.
  @Requires('viewer')
  @Get(':id')
  @ApiOkResponse({ type: AlertDetailDto, description: 'The alert with what made it fire and the rule version it fired under' })
  get(@Param('id', IdParamPipe) id: number): Promise<AlertDetail> {
    return this.alerts.detail(id);
  }

  @Requires('trader')
  @Delete(':id')
  async remove(@Param('id', IdParamPipe) id: number): Promise<MessageResponse> {
    await this.alerts.remove(id);
    return { message: `Alert ${id} deleted successfully` };
  }
}
