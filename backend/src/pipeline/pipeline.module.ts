import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts';
import { MarketModule } from '../market';
import { NotificationsModule } from '../notifications';
import { RealtimeModule } from '../realtime';
import { RulesModule } from '../rules';
import { FeedRunner } from './feed-runner.service';
import { IngestController } from './ingest.controller';
import { TickPipeline } from './tick-pipeline.service';

/** Where ticks come in (feeds and the ingest API) and flow through engine, alerts and fan-out. */
@Module({
  imports: [MarketModule, RulesModule, AlertsModule, RealtimeModule, NotificationsModule],
  controllers: [IngestController],
  providers: [TickPipeline, FeedRunner],
  exports: [TickPipeline, FeedRunner],
})
export class PipelineModule {}
