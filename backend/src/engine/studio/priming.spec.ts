import { barStart } from '@tradeassist/shared-types';
import { RuleEngine } from '../rule-engine';
import { engineRule, S, seededRandom, T0 } from '../test-support';
import type { EngineRule, EngineRuleOptions, EngineTick, Firing } from '../types';
import { MAX_PRIMING_BARS, primingBars, type PrimingBar } from './priming';
import { PLAIN_OPTIONS } from './studio-rule';

const MIN = 60 * S;

function rule(id: number, o: Partial<EngineRuleOptions>, over: Partial<EngineRule> = {}): EngineRule {
  return engineRule({ id, cooldownSeconds: 0, ...over, options: { ...PLAIN_OPTIONS, ...o } });
}

/** A random walk on instrument 1: a tick every 7 s or so, over `minutes`, with varied volumes. */
function walk(minutes: number, seed: number): EngineTick[] {
  const rand = seededRandom(seed);
  const ticks: EngineTick[] = [];
  let price = 100;
  for (let at = 0; at < minutes * MIN; at += 2 * S + Math.floor(rand() * 10 * S)) {
    price = Math.round(price * (1 + (rand() - 0.5) * 0.004) * 100) / 100;
    ticks.push({ instrumentId: 1, tsMs: T0 + at, price, volume: Math.round(1 + rand() * 50 + (rand() < 0.05 ? 400 : 0)) });
  }
  return ticks;
}

/** The bars the ticks make (as the stored 1-minute bars roll up): each with its last price and total volume. */
function barsOf(ticks: EngineTick[], barMs: number): PrimingBar[] {
  const bars: PrimingBar[] = [];
  for (const t of ticks) {
    const startMs = barStart(t.tsMs, barMs);
    const last = bars.at(-1);
    if (last && last.startMs === startMs) {
      last.close = t.price;
      last.volume += t.volume;
    } else bars.push({ startMs, close: t.price, volume: t.volume });
  }
  return bars;
}

function run(engine: RuleEngine, ticks: EngineTick[]): Firing[] {
  const out: Firing[] = [];
  for (const t of ticks) engine.evaluate({ ...t }, out);
  return out;
}

const RULES: EngineRule[] = [
  rule(1, { subject: { kind: 'rsi', period: 14 } }, { threshold: 60, cooldownSeconds: 30 }),
  rule(2, { against: { kind: 'ema', period: 10 } }, { ruleType: 'crossover', condition: 'crosses_above' }),
  rule(
    3,
    { subject: { kind: 'macd', line: 'histogram', fast: 5, slow: 10, signal: 4 } },
    { ruleType: 'crossover', condition: 'crosses_below', threshold: 0 },
  ),
  rule(4, { against: { kind: 'bollinger', band: 'upper', period: 20, k: 1 } }, { cooldownSeconds: 60 }),
  rule(5, { against: { kind: 'avg_volume', bars: 10, factor: 2 } }, { ruleType: 'volume_spike', condition: 'volume_above' }),
  rule(
    6,
    { subject: { kind: 'sma', period: 3 }, against: { kind: 'sma', period: 12 }, mode: 'once_per_bar_close' },
    {
      ruleType: 'crossover',
      condition: 'crosses_above',
    },
  ),
];

describe('priming a new rule with stored bars', () => {
  const ticks = walk(150, 7);
  const split = ticks.findIndex((t) => t.tsMs >= T0 + 90 * MIN + 20 * S);
  const before = ticks.slice(0, split);
  const after = ticks.slice(split);

  /** The rule's firings after the split when it was loaded before the first tick (it must fire there), and when added at the split with `history`. */
  function runningThenAdded(r: EngineRule, history?: PrimingBar[]): { running: string; added: string } {
    const running = new RuleEngine();
    running.upsertRule(r);
    run(running, before);
    const expected = run(running, after);
    expect(expected.length).toBeGreaterThan(0);
    const added = new RuleEngine();
    run(added, before);
    added.upsertRule(r, history);
    return { running: JSON.stringify(expected), added: JSON.stringify(run(added, after)) };
  }

  it.each(RULES.map((r) => [r.id, r] as const))('rule %i fires after it is added exactly as if it had been running all along', (_, r) => {
    // Added just now, mid-bar, with the bars the ticks so far left in storage.
    const primed = runningThenAdded(r, barsOf(before, r.options!.barMs));
    expect(primed.added).toBe(primed.running);
    // Without them its indicators start from nothing, and it does not (the comparison above can fail).
    const cold = runningThenAdded(r);
    expect(cold.added).not.toBe(cold.running);
  });

  it('leaves a series already running alone: a second rule sharing it does not feed it the bars again', () => {
    const r = RULES[0]!;
    const running = new RuleEngine();
    running.upsertRule(r);
    run(running, before);
    const expected = run(running, after);

    const shared = new RuleEngine();
    shared.upsertRule(r);
    run(shared, before);
    // Bars that disagree with what the series saw: were they fed, RSI(14) would read them.
    const wrong = barsOf(before, MIN).map((b) => ({ ...b, close: b.close * 1.5 }));
    shared.upsertRule({ ...r, id: 9, threshold: 99.5 }, wrong);
    expect(JSON.stringify(run(shared, after).filter((f) => f.ruleId === r.id))).toBe(JSON.stringify(expected));
  });

  it('primes 5-minute bars from 5-minute history', () => {
    const r = rule(1, { against: { kind: 'sma', period: 6 }, barMs: 5 * MIN }, { ruleType: 'crossover', condition: 'crosses_below' });
    const primed = runningThenAdded(r, barsOf(before, 5 * MIN));
    expect(primed.added).toBe(primed.running);
  });
});

describe('primingBars', () => {
  it.each([
    ['no indicator', rule(1, {}), 0],
    ['SMA(50)', rule(1, { against: { kind: 'sma', period: 50 } }), 50],
    ['Bollinger(20)', rule(1, { against: { kind: 'bollinger', band: 'lower', period: 20, k: 2 } }), 20],
    ['EMA(20): five periods for its seed to fade', rule(1, { against: { kind: 'ema', period: 20 } }), 100],
    ["RSI(14): ten periods (Wilder's smoothing is slow)", rule(1, { subject: { kind: 'rsi', period: 14 } }), 140],
    ['MACD 12/26/9', rule(1, { subject: { kind: 'macd', line: 'signal', fast: 12, slow: 26, signal: 9 } }), 175],
    ['average volume of 20 bars', rule(1, { against: { kind: 'avg_volume', bars: 20, factor: 2 } }), 21],
    ['the larger of two operands', rule(1, { subject: { kind: 'sma', period: 5 }, against: { kind: 'sma', period: 30 } }), 30],
    ['capped', rule(1, { against: { kind: 'ema', period: 500 } }), MAX_PRIMING_BARS],
    ['bid prices: bars are of last prices', rule(1, { against: { kind: 'sma', period: 50 }, source: 'bid' }), 0],
    ['an inactive rule', rule(1, { against: { kind: 'sma', period: 50 } }, { active: false }), 0],
    [
      'a tree: its largest need, moves within bars included',
      rule(1, {
        conditions: {
          kind: 'all',
          of: [
            { kind: 'rule', rule_type: 'threshold', condition: 'above', threshold: 70, subject: { kind: 'rsi', period: 3 } },
            { kind: 'any', of: [{ kind: 'move', direction: 'up', by: 1, unit: 'percent', within_bars: 40 }] },
          ],
        },
      }),
      41,
    ],
  ])('%s', (_, r, bars) => {
    expect(primingBars(r)).toBe(bars);
  });
});
