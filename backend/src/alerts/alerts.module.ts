import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RulesModule } from '../rules';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { AlertLogEntity } from './entities/alert-log.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AlertLogEntity]), RulesModule],
  controllers: [AlertsController],
  providers: [AlertsService],
  exports: [AlertsService],
})
export class AlertsModule {}
