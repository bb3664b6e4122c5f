import { operandMessage, operandText } from './alert-message';

describe('operand values in alert sentences', () => {
  it.each([
    ['RSI to two decimals', { kind: 'rsi', period: 14 } as const, 86.504633, '86.5'],
    ['RSI keeps its whole values', { kind: 'rsi', period: 14 } as const, 100, '100'],
    ['an average keeps a price precision', { kind: 'sma', period: 20 } as const, 1.083456, '1.083456'],
    ['MACD is in price units too', { kind: 'macd', line: 'histogram', fast: 12, slow: 26, signal: 9 } as const, -0.0012346, '-0.001235'],
    ['no operand: the price', null, 6001.25, '6001.25'],
  ])('%s', (_, operand, value, text) => {
    expect(operandText(operand, value)).toBe(text);
  });

  it('writes the sentence with each side in its own precision', () => {
    expect(operandMessage('ES', 'above', { kind: 'rsi', period: 14 }, null, 72.41837, 70)).toBe('ES RSI(14) is above 70 (72.42)');
    expect(operandMessage('EURUSD', 'crosses_above', null, { kind: 'ema', period: 50 }, 1.08512, 1.0850871)).toBe(
      'EURUSD crossed above EMA(50) (1.08512 vs 1.085087)',
    );
  });
});
