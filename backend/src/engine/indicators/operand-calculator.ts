import type { Operand } from '@tradeassist/shared-types';
import { Bollinger } from './bollinger';
import type { FormingShape } from './forming-shape';
import { Macd } from './macd';
import { Ema, Sma } from './moving-averages';
import { Rsi } from './rsi';

/** The indicator behind an operand: fed bar closes, read at the last close or with the forming bar at a price. */
export interface OperandCalculator {
  update(close: number): void;
  /** As of the last close. */
  readonly value: number;
  peek(price: number): number;
  /** How peek moves with the price, for |price| ≤ maxAbs (see FormingShape). */
  describe(into: FormingShape, maxAbs: number): void;
}

// SMA, EMA and RSI are calculators themselves: a bar close, when they are cold, reaches them through one object fewer.

/** An indicator of several lines (MACD's, Bollinger's bands), read on one of them. */
interface Lines<K extends string> {
  update(x: number): void;
  peekLine(x: number, line: K): number;
  describeLine(into: FormingShape, line: K, maxAbs: number): void;
}

class LineOperand<K extends string> implements OperandCalculator {
  constructor(
    private readonly i: Lines<K> & Record<K, number>,
    private readonly line: K,
  ) {}
  update(x: number): void {
    this.i.update(x);
  }
  get value(): number {
    return this.i[this.line];
  }
  peek(x: number): number {
    return this.i.peekLine(x, this.line);
  }
  describe(into: FormingShape, maxAbs: number): void {
    this.i.describeLine(into, this.line, maxAbs);
  }
}

export function operandCalculator(o: Operand): OperandCalculator {
  switch (o.kind) {
    case 'sma':
      return new Sma(o.period);
    case 'ema':
      return new Ema(o.period);
    case 'rsi':
      return new Rsi(o.period);
    case 'macd':
      return new LineOperand(new Macd(o.fast, o.slow, o.signal), o.line);
    case 'bollinger':
      return new LineOperand(new Bollinger(o.period, o.k), o.band);
    case 'avg_volume':
      throw new Error('avg_volume is read from bar volumes, not closes');
  }
}
