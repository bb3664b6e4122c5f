import type { Operand } from '@tradeassist/shared-types';
import { Bollinger } from './bollinger';
import { Macd } from './macd';
import { Ema, Sma } from './moving-averages';
import { Rsi } from './rsi';

/** The indicator behind an operand: fed bar closes, read at the last close or with the forming bar at a price. */
export interface OperandCalculator {
  update(close: number): void;
  value(): number;
  peek(price: number): number;
}

export function operandCalculator(o: Operand): OperandCalculator {
  switch (o.kind) {
    case 'sma':
    case 'ema':
    case 'rsi': {
      const i = o.kind === 'sma' ? new Sma(o.period) : o.kind === 'ema' ? new Ema(o.period) : new Rsi(o.period);
      return { update: (x) => void i.update(x), value: () => i.value, peek: (x) => i.peek(x) };
    }
    case 'macd': {
      const i = new Macd(o.fast, o.slow, o.signal);
      const line = o.line;
      return { update: (x) => i.update(x), value: () => i[line], peek: (x) => i.peekLine(x, line) };
    }
    case 'bollinger': {
      const i = new Bollinger(o.period, o.k);
      const band = o.band;
      return { update: (x) => i.update(x), value: () => i[band], peek: (x) => i.peekBand(x, band) };
    }
    case 'avg_volume':
      throw new Error('avg_volume is read from bar volumes, not closes');
  }
}
