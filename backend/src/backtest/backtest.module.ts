import { Module } from '@nestjs/common';
import { MarketModule } from '../market';
import { RulesModule } from '../rules';
import { BacktestController } from './backtest.controller';
import { BacktestService } from './backtest.service';

@Module({
  imports: [RulesModule, MarketModule],
  controllers: [BacktestController],
  providers: [BacktestService],
})
export class BacktestModule {}
