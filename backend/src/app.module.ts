import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AlertsModule } from './alerts';
import { AuditModule } from './audit';
import { AuthModule } from './auth';
import { BacktestModule } from './backtest';
import { ConfigModule, type AppConfig } from './config';
import { DatabaseModule } from './database';
import { HealthModule } from './health';
import { MarketModule } from './market';
import { PipelineModule } from './pipeline';
import { RealtimeModule } from './realtime';
import { RulesModule } from './rules';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DiscoveryModule,
        DatabaseModule,
        AuditModule,
        AuthModule,
        MarketModule,
        RulesModule,
        AlertsModule,
        BacktestModule,
        RealtimeModule,
        PipelineModule,
        HealthModule,
      ],
    };
  }
}
