import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { IngestTicksResponse } from '@tradeassist/shared-types';
import { InstrumentsService, MarketDataService } from '../market';
import { Requires } from '../access';
import { IngestTicksDto, IngestTicksResultDto } from './dto/ingest.dto';
import { normalizeBatch } from './tick-normalizer';
import { TickPipeline } from './tick-pipeline.service';

@ApiTags('market')
@Controller('market')
export class IngestController {
  constructor(
    private readonly instruments: InstrumentsService,
    private readonly market: MarketDataService,
    private readonly pipeline: TickPipeline,
  ) {}

  /** Pushes ticks from any source; each tick is accepted or rejected with its reason, never dropped silently. */
  @Requires('trader')
  @Post('ticks')
  @HttpCode(200)
  @ApiOkResponse({ type: IngestTicksResultDto })
  async ingest(@Body() body: IngestTicksDto): Promise<IngestTicksResponse> {
    const { ticks, rejected } = normalizeBatch(body.ticks, this.instruments, Date.now());
    const { late } = await this.pipeline.process(ticks);
    // The caller is told "accepted" only once its ticks are on disk.
    await this.market.flush();
    return { accepted: ticks.length, rejected, late };
  }
}
