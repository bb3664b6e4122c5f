import { aRule } from '../../../testing/factories';
import { DEFAULT_RULE_VIEW, afterFiring, msUntilUtcMidnight, viewRules } from './rules-view';

const RULES = [
  aRule({ id: 1, name: 'ES breakout', threshold: 6100, last_triggered: '2026-11-30T10:00:00.000Z', fires_today: 3 }),
  aRule({
    id: 2,
    name: 'NQ RSI',
    instrument_symbol: 'NQ',
    threshold: 70,
    active: false,
    subject: { kind: 'rsi', period: 14 },
    last_triggered: null,
  }),
  aRule({ id: 3, name: null, instrument_symbol: 'VIX', rule_type: 'rate_of_change', condition: 'percent_change_up', threshold: 10 }),
  aRule({
    id: 4,
    name: 'es fade',
    rule_type: 'crossover',
    condition: 'crosses_below',
    last_triggered: '2026-12-01T08:00:00.000Z',
    fires_today: 7,
  }),
];
const ids = (q: Partial<typeof DEFAULT_RULE_VIEW>) => viewRules(RULES, { ...DEFAULT_RULE_VIEW, ...q }).map((r) => r.id);

describe('viewRules', () => {
  it('keeps the server order without a query', () => {
    expect(ids({})).toEqual([1, 2, 3, 4]);
  });

  it('searches word starts in name, symbol, type, condition and indicators, ignoring case', () => {
    // Not every "threshold" or "crosses": only words that start with it.
    expect(ids({ text: 'es' })).toEqual([1, 4]);
    expect(ids({ text: 'ES BREAK' })).toEqual([1]);
    expect(ids({ text: 'nq' })).toEqual([2]);
    expect(ids({ text: 'rsi(14)' })).toEqual([2]);
    expect(ids({ text: 'rate vix' })).toEqual([3]);
    expect(ids({ text: 'crosses  below es' })).toEqual([4]);
    expect(ids({ text: 'nothing like it' })).toEqual([]);
  });

  it('filters by type and status', () => {
    expect(ids({ type: 'crossover' })).toEqual([4]);
    expect(ids({ status: 'inactive' })).toEqual([2]);
    expect(ids({ status: 'active', type: 'threshold' })).toEqual([1]);
  });

  it('sorts either way, blanks last both ways', () => {
    expect(ids({ sort: { column: 'name', direction: 'asc' } })).toEqual([1, 4, 2, 3]);
    expect(ids({ sort: { column: 'name', direction: 'desc' } })).toEqual([2, 4, 1, 3]);
    expect(ids({ sort: { column: 'last', direction: 'desc' } })).toEqual([4, 1, 2, 3]);
    expect(ids({ sort: { column: 'threshold', direction: 'asc' } })).toEqual([3, 2, 1, 4]);
    // Rules that never fired today count 0 (a number, not a blank); ties keep the id order.
    expect(ids({ sort: { column: 'fires', direction: 'desc' } })).toEqual([4, 1, 2, 3]);
    expect(ids({ sort: { column: 'fires', direction: 'asc' } })).toEqual([2, 3, 1, 4]);
  });
});

describe('afterFiring', () => {
  const now = Date.parse('2026-12-01T15:00:00.000Z');
  it('counts an alert stamped from 00:00 UTC today, and only moves "last fired" for an earlier one', () => {
    const rule = aRule({ fires_today: 2 });
    expect(afterFiring(rule, '2026-12-01T00:00:00.000Z', now)).toMatchObject({
      fires_today: 3,
      last_triggered: '2026-12-01T00:00:00.000Z',
    });
    expect(afterFiring(rule, '2026-11-30T23:59:59.999Z', now)).toMatchObject({
      fires_today: 2,
      last_triggered: '2026-11-30T23:59:59.999Z',
    });
  });
});

describe('msUntilUtcMidnight', () => {
  it.each([
    ['2026-12-01T15:00:00.000Z', 9 * 3_600_000],
    ['2026-12-01T23:59:59.999Z', 1],
    ['2026-12-01T00:00:00.000Z', 86_400_000],
  ])('from %s', (at, ms) => {
    expect(msUntilUtcMidnight(Date.parse(at))).toBe(ms);
  });
});
