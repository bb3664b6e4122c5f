import type { IndicatorKind, Operand } from '@tradeassist/shared-types';

/** The usual parameters of each indicator, so picking one gives a working operand at once. */
export function defaultOperand(kind: IndicatorKind): Operand {
  switch (kind) {
    case 'sma':
    case 'ema':
      return { kind, period: 20 };
    case 'rsi':
      return { kind, period: 14 };
    case 'macd':
      return { kind, line: 'macd', fast: 12, slow: 26, signal: 9 };
    case 'bollinger':
      return { kind, band: 'upper', period: 20, k: 2 };
    case 'avg_volume':
      return { kind, bars: 20, factor: 2 };
  }
}
