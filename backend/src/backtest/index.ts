export { BacktestModule } from './backtest.module';
