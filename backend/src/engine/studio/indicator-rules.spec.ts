import type { Operand } from '@tradeassist/shared-types';
import { Bollinger, Macd } from '../indicators';
import { engineRule, S, T0 } from '../test-support';
import type { EngineRule, EngineRuleOptions, Firing } from '../types';
import { StudioEngine } from './studio-engine';
import { PLAIN_OPTIONS } from './studio-rule';

const MIN = 60 * S;

function rule(id: number, o: Partial<EngineRuleOptions>, over: Partial<EngineRule> = {}): EngineRule {
  return engineRule({ id, cooldownSeconds: 0, ...over, options: { ...PLAIN_OPTIONS, ...o } });
}

/** Feeds [price, ms after T0, volume?] ticks; returns every firing. */
function feed(engine: StudioEngine, ticks: [number, number, number?][]): Firing[] {
  const out: Firing[] = [];
  for (const [price, at, volume] of ticks) engine.evaluate({ instrumentId: 1, tsMs: T0 + at, price, volume: volume ?? 1 }, out);
  return out;
}

describe('indicator conditions (bars of 1 minute)', () => {
  it('RSI(2) above 70: reads the forming bar at its latest price, threshold_value is the level', () => {
    const engine = new StudioEngine();
    engine.upsertRule(rule(1, { subject: { kind: 'rsi', period: 2 } }, { threshold: 70 }));
    const fired = feed(engine, [
      [100, 0],
      [101, MIN],
      [102, 2 * MIN],
    ]);
    expect(fired.map((f) => [f.ruleId, f.tsMs - T0, f.triggerValue, f.thresholdValue, f.indicators])).toEqual([
      [1, 2 * MIN, 100, 70, { 'RSI(2)': 100 }],
    ]);
  });

  it('price crosses above SMA(2) inside a bar; threshold_value is the average at that moment', () => {
    const engine = new StudioEngine();
    engine.upsertRule(rule(1, { against: { kind: 'sma', period: 2 } }, { ruleType: 'crossover', condition: 'crosses_above' }));
    const fired = feed(engine, [
      [100, 0],
      [100, MIN],
      [99, MIN + S],
      [101, MIN + 2 * S],
      [101.5, MIN + 3 * S],
    ]);
    // Bar 0 closed at 100; the forming bar at 99 gives (100 + 99) / 2 = 99.5 (price below), at 101 gives 100.5 (price above): one crossing.
    expect(fired.map((f) => [f.tsMs - T0, f.triggerValue, f.thresholdValue])).toEqual([[MIN + 2 * S, 101, 100.5]]);
  });

  it('golden cross on bar closes: SMA(1) crosses above SMA(3), stamped at the bar end', () => {
    const engine = new StudioEngine();
    const golden: Partial<EngineRuleOptions> = {
      subject: { kind: 'sma', period: 1 },
      against: { kind: 'sma', period: 3 },
      mode: 'once_per_bar_close',
    };
    engine.upsertRule(rule(1, golden, { ruleType: 'crossover', condition: 'crosses_above' }));
    // Closes 10, 9, 8, 12, 13: SMA(3) is 9 at the 3rd close (SMA(1) 8, below), (9+8+12)/3 = 9.67 at the 4th (12, above): a cross at the 4th close.
    const closes = [10, 9, 8, 12, 13, 14];
    const fired = feed(
      engine,
      closes.map((c, i) => [c, i * MIN] as [number, number]),
    );
    expect(fired.map((f) => [f.tsMs - T0, f.triggerValue, Number(f.thresholdValue.toFixed(6))])).toEqual([[4 * MIN, 12, 9.666667]]);
  });

  it('MACD histogram turning positive on bar closes fires exactly where the indicator says', () => {
    const engine = new StudioEngine();
    const histogram: Operand = { kind: 'macd', line: 'histogram', fast: 3, slow: 6, signal: 2 };
    engine.upsertRule(
      rule(1, { subject: histogram, mode: 'once_per_bar_close' }, { ruleType: 'crossover', condition: 'crosses_above', threshold: 0 }),
    );
    const closes = [10, 10.5, 10.2, 9.8, 9.5, 9.1, 8.9, 9.2, 9.8, 10.4, 10.1, 9.6, 9.2, 9.4, 10, 10.6, 11];
    // The oracle: the same indicator (checked against TA-Lib elsewhere) fed the closes directly.
    const oracle = new Macd(3, 6, 2);
    const expected: number[] = [];
    let before = NaN;
    closes.forEach((c, i) => {
      oracle.update(c);
      if (before <= 0 && oracle.histogram > 0) expected.push((i + 1) * MIN);
      before = oracle.histogram;
    });
    expect(expected.length).toBeGreaterThanOrEqual(2);
    // One tick per bar, plus one more to close the last bar.
    const fired = feed(
      engine,
      [...closes, closes.at(-1) as number].map((c, i) => [c, i * MIN] as [number, number]),
    );
    expect(fired.map((f) => f.tsMs - T0)).toEqual(expected);
  });

  it('Bollinger breakout above the upper band intrabar, with the band as threshold_value', () => {
    const engine = new StudioEngine();
    engine.upsertRule(
      rule(1, { against: { kind: 'bollinger', band: 'upper', period: 3, k: 1 } }, { ruleType: 'crossover', condition: 'crosses_above' }),
    );
    const fired = feed(engine, [
      [100, 0],
      [101, MIN],
      [100, 2 * MIN],
      [100.5, 3 * MIN],
      [104, 3 * MIN + S],
    ]);
    // One point of three is at most 1.15 deviations from their mean: k = 1 so a breakout can happen at all.
    const bands = new Bollinger(3, 1);
    for (const c of [101, 100]) bands.update(c);
    const upper = bands.peek(104).upper;
    expect(bands.peek(100.5).upper).toBeGreaterThan(100.5);
    expect(fired.map((f) => [f.tsMs - T0, f.triggerValue, f.thresholdValue])).toEqual([[3 * MIN + S, 104, upper]]);
  });

  it('relative volume: the forming bar reaches 3× the average of the last 3 bars', () => {
    const engine = new StudioEngine();
    engine.upsertRule(
      rule(
        1,
        { against: { kind: 'avg_volume', bars: 3, factor: 3 } },
        { ruleType: 'volume_spike', condition: 'volume_above', threshold: 0 },
      ),
    );
    const fired = feed(engine, [
      [100, 0, 10],
      [100, MIN, 10],
      [100, 2 * MIN, 10],
      [100, 3 * MIN, 20],
      [100, 3 * MIN + S, 9],
      [100, 3 * MIN + 2 * S, 1],
    ]);
    // Average 10 → 30 needed: 20, then 29, then 30 (≥) fires.
    expect(fired.map((f) => [f.tsMs - T0, f.triggerValue, f.thresholdValue])).toEqual([[3 * MIN + 2 * S, 30, 30]]);
  });

  it('rules reading the same indicator share one; a different period is another', () => {
    const engine = new StudioEngine();
    engine.upsertRule(rule(1, { subject: { kind: 'rsi', period: 14 } }, { threshold: 70 }));
    engine.upsertRule(rule(2, { subject: { kind: 'rsi', period: 14 } }, { condition: 'below', threshold: 30 }));
    engine.upsertRule(rule(3, { subject: { kind: 'rsi', period: 7 } }, { threshold: 80 }));
    expect(engine.indicatorCount(1)).toBe(2);
    engine.removeRule(3);
    expect(engine.indicatorCount(1)).toBe(1);
  });
});
