import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts';
import { MarketModule } from '../market';
import { PipelineModule } from '../pipeline';
import { RealtimeModule } from '../realtime';
import { RulesModule } from '../rules';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [MarketModule, RulesModule, AlertsModule, PipelineModule, RealtimeModule],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
