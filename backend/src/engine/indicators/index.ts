export { Bollinger } from './bollinger';
export { Macd } from './macd';
export { Ema, Sma } from './moving-averages';
export { Rsi } from './rsi';
export { FormingShape, ROUNDING, Shape, type ShapeKind } from './forming-shape';
