import { Module } from '@nestjs/common';
import { MarketModule } from '../market';
import { RulesModule } from '../rules';
import { BacktestController } from './backtest.controller';
import { BacktestService } from './backtest.service';
import { RulePreviewController } from './rule-preview.controller';
import { RulePreviewService } from './rule-preview.service';

@Module({
  imports: [RulesModule, MarketModule],
  controllers: [BacktestController, RulePreviewController],
  providers: [BacktestService, RulePreviewService],
})
export class BacktestModule {}
