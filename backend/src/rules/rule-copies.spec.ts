import { RULE_LIMITS } from '@tradeassist/shared-types';
import { renameSymbol } from './rule-copies';

describe('renameSymbol', () => {
  it.each([
    ['ES breakout', 'ES', 'NQ', 'NQ breakout'],
    ['ES/NQ spread watch: ES leads', 'ES', 'YM', 'YM/NQ spread watch: YM leads'],
    ['ESM6 roll, RES level, ES_1', 'ES', 'NQ', 'ESM6 roll, RES level, ES_1'],
    ['es lower case stays', 'ES', 'NQ', 'es lower case stays'],
    ['BRK.B above 500', 'BRK.B', '$SPX', '$SPX above 500'],
    ['BRKxB above 500', 'BRK.B', 'NQ', 'BRKxB above 500'],
    ['RSI overbought', 'ES', 'NQ', 'RSI overbought'],
  ])('%s: %s → %s', (name, from, to, expected) => {
    expect(renameSymbol(name, from, to)).toBe(expected);
  });

  it('keeps a name within the limit when the new symbol is longer', () => {
    const name = `ES ${'x'.repeat(RULE_LIMITS.nameMaxLength - 3)}`;
    expect(renameSymbol(name, 'ES', 'LONGER')).toHaveLength(RULE_LIMITS.nameMaxLength);
  });
});
