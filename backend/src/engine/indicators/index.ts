export { Bollinger } from './bollinger';
export { Macd } from './macd';
export { Ema, Sma } from './moving-averages';
export { Rsi } from './rsi';
