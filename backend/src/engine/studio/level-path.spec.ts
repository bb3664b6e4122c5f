import type { ConditionNode, MarketSession, Operand, PriceSource, RuleCondition, TriggerMode } from '@tradeassist/shared-types';
import { S, seededRandom, T0 } from '../test-support';
import type { EngineRule, EngineRuleOptions, EngineTick, Firing } from '../types';
import { LevelCondition } from './level-condition';
import type { RearmState } from './rearm-log';
import { StudioEngine } from './studio-engine';
import { PLAIN_OPTIONS } from './studio-rule';

const MIN = 60 * S;
/** Instrument ids: small ones have a row in the tick table by index, a large one is found by map. */
const IDS = [0, 7, 70_001];
const INSTRUMENTS = IDS.length;
const SEEDS = Array.from({ length: 24 }, (_, i) => 1000 + i);
const TICKS = 16_000;

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

/** Short periods warm up within the tape; the usual ones too; Bollinger k beyond √(n−1) has no level shape at all. */
function indicator(rand: Rand): Operand {
  switch (pick(rand, ['sma', 'ema', 'rsi', 'macd', 'bollinger'] as const)) {
    case 'sma':
      return { kind: 'sma', period: pick(rand, [1, 2, 3, 5, 20]) };
    case 'ema':
      return { kind: 'ema', period: pick(rand, [1, 2, 3, 9, 20]) };
    case 'rsi':
      return { kind: 'rsi', period: pick(rand, [2, 3, 14]) };
    case 'macd': {
      const [fast, slow, signal] = pick(rand, [
        [2, 4, 2],
        [3, 6, 1],
        [12, 26, 9],
      ] as const);
      return { kind: 'macd', line: pick(rand, ['macd', 'signal', 'histogram'] as const), fast, slow, signal };
    }
    case 'bollinger':
      return {
        kind: 'bollinger',
        band: pick(rand, ['upper', 'middle', 'lower'] as const),
        period: pick(rand, [2, 3, 5, 20]),
        k: pick(rand, [0.5, 1, 2, 5]),
      };
  }
}

/** What a comparison rule compares: price against an indicator, an indicator against a level, or two indicators. */
function comparison(rand: Rand, price: number): Pick<EngineRule, 'threshold'> & Pick<EngineRuleOptions, 'subject' | 'against'> {
  const u = rand();
  if (u < 0.35) return { subject: null, against: indicator(rand), threshold: 0 };
  if (u < 0.8) {
    const subject = indicator(rand);
    const threshold =
      subject.kind === 'rsi'
        ? pick(rand, [30, 50, 70])
        : subject.kind === 'macd'
          ? pick(rand, [0, 0, 0.05, -0.05])
          : price * (1 + (rand() - 0.5) * 0.02);
    return { subject, against: null, threshold };
  }
  return { subject: indicator(rand), against: indicator(rand), threshold: 0 };
}

function tree(rand: Rand, price: number): ConditionNode {
  return {
    kind: pick(rand, ['all', 'any'] as const),
    of: [
      {
        kind: 'rule',
        rule_type: 'threshold',
        condition: pick(rand, ['above', 'below'] as const),
        threshold: 0,
        against: { kind: 'sma', period: 3 },
      },
      { kind: 'rule', rule_type: 'crossover', condition: 'crosses_above', threshold: 50, subject: { kind: 'rsi', period: 3 } },
      { kind: 'channel', op: pick(rand, ['enter', 'exit', 'inside'] as const), lower: price * 0.995, upper: price * 1.005 },
      { kind: 'move', direction: 'up', by: 0.2, unit: 'percent', within_bars: 2 },
    ],
  };
}

const SESSION: MarketSession = { kind: 'custom', timezone: 'UTC', windows: [{ days: [7], start: '15:00', end: '16:00' }] };

/** A studio rule of any kind, mostly indicator comparisons; options drawn independently. */
function randomRule(rand: Rand, id: number, instrumentId: number, price: number): EngineRule {
  const options: EngineRuleOptions = {
    ...PLAIN_OPTIONS,
    barMs: pick(rand, [MIN, MIN, 2 * MIN, 5 * MIN]),
    mode: pick(rand, ['every_time', 'every_time', 'every_time', 'once', 'once_per_bar', 'once_per_bar_close'] as TriggerMode[]),
    source: rand() < 0.85 ? 'last' : pick(rand, ['bid', 'ask', 'mid'] as PriceSource[]),
    rearm: rand() < 0.15 ? { by: pick(rand, [0.05, 0.3]), percent: rand() < 0.5 } : null,
    expiresAtMs: rand() < 0.1 ? T0 + rand() * 4 * 60 * MIN : null,
    session: rand() < 0.1 ? SESSION : null,
  };
  const base = { id, version: 1, instrumentId, active: rand() < 0.97, timeWindowSeconds: null, lastTriggeredMs: null };
  const cooldownSeconds = pick(rand, [0, 0, 0, 30, 120]);
  const u = rand();
  if (u < 0.08)
    return {
      ...base,
      cooldownSeconds,
      ruleType: 'multi_condition',
      condition: 'above',
      threshold: 0,
      options: { ...options, conditions: tree(rand, price) },
    };
  if (u < 0.13) {
    const against: Operand = { kind: 'avg_volume', bars: 3, factor: pick(rand, [1.5, 3]) };
    return {
      ...base,
      cooldownSeconds,
      ruleType: 'volume_spike',
      condition: 'volume_above',
      threshold: 0,
      options: { ...options, against },
    };
  }
  const condition = pick(rand, [
    'above',
    'below',
    'crosses_above',
    'crosses_below',
    'crosses_above',
    'crosses_below',
    'equals',
  ] as RuleCondition[]);
  const ruleType = condition.startsWith('crosses') ? 'crossover' : 'threshold';
  if (u < 0.18) return { ...base, cooldownSeconds, ruleType, condition, threshold: price * (1 + (rand() - 0.5) * 0.01), options };
  const { threshold, subject, against } = comparison(rand, price);
  return { ...base, cooldownSeconds, ruleType, condition, threshold, options: { ...options, subject, against } };
}

/**
 * A random walk on a cent grid, sometimes on a coarse grid (so sides meet exactly), flat stretches
 * (zero variance, no RSI move), jumps beyond the regions' reach, gaps of bars without ticks, bid/ask
 * on some ticks, and a few late ticks.
 */
function* tape(rand: Rand, prices: number[]): Generator<EngineTick> {
  let ts = T0;
  for (let i = 0; i < TICKS; i++) {
    const instrumentId = Math.floor(rand() * INSTRUMENTS);
    const u = rand();
    ts += u < 0.002 ? 7 * MIN : u < 0.01 ? 0 : Math.floor(rand() * S);
    let p = prices[instrumentId] as number;
    const v = rand();
    if (v < 0.002) p *= rand() < 0.5 ? 0.7 : 1.4;
    else if (v < 0.3) p = Math.round(p * 4) / 4 + pick(rand, [-0.25, 0, 0.25]);
    else if (v > 0.9) p = p + 0;
    else p = Math.round(p * (1 + (rand() - 0.5) * 0.004) * 100) / 100;
    prices[instrumentId] = p;
    const quoted = rand() < 0.6;
    yield {
      instrumentId: IDS[instrumentId] as number,
      tsMs: rand() < 0.003 ? ts - 5 * S : ts,
      price: p,
      volume: Math.round(rand() * 20),
      ...(quoted && { bid: p - 0.01, ask: rand() < 0.9 ? p + 0.01 : null }),
    };
  }
}

interface Trace {
  counts: number[];
  firings: Firing[];
  rearms: RearmState[][];
}

/** Runs the same scenario through an engine: rules, a tape, edits along the way; what came out. */
function run(engine: StudioEngine, seed: number): Trace {
  const rand = seededRandom(seed);
  const prices = Array.from({ length: INSTRUMENTS }, () => Math.round(50 + rand() * 500));
  let nextId = 1;
  const rules: EngineRule[] = [];
  for (let i = 0; i < 30; i++) rules.push(randomRule(rand, nextId++, IDS[i % INSTRUMENTS] as number, prices[i % INSTRUMENTS] as number));
  for (const r of rules) engine.upsertRule(r);
  engine.seedInstrument(IDS[0] as number, prices[0] as number, T0 - S);
  const trace: Trace = { counts: [], firings: [], rearms: [] };
  for (const tick of tape(rand, prices)) {
    trace.counts.push(engine.evaluate(tick, trace.firings));
    trace.rearms.push(engine.takeRearmChanges());
    const u = rand();
    // Rules added, edited, removed or restored mid-bar: series are shared, rebuilt, or made anew.
    if (u < 0.002) engine.upsertRule(randomRule(rand, nextId++, tick.instrumentId, tick.price));
    else if (u < 0.004)
      engine.upsertRule({ ...randomRule(rand, 1 + Math.floor(rand() * (nextId - 1)), tick.instrumentId, tick.price), version: 2 });
    else if (u < 0.005) engine.removeRule(1 + Math.floor(rand() * (nextId - 1)));
    else if (u < 0.006) engine.restoreDisarmed(1 + Math.floor(rand() * (nextId - 1)), tick.price);
  }
  return trace;
}

/** Counts the level path's readings, and those its regions decided without reading the indicators. */
function countReadings(): { readings: number; fromRegions: number; restore(): void } {
  const sideAt = LevelCondition.prototype.sideAt;
  const counts = { readings: 0, fromRegions: 0 };
  const spy = jest.spyOn(LevelCondition.prototype, 'sideAt').mockImplementation(function (this: LevelCondition, price: number) {
    counts.readings++;
    if ((price >= this.lowFrom && price <= this.lowTo) || (price >= this.highFrom && price <= this.highTo)) counts.fromRegions++;
    return sideAt.call(this, price);
  });
  return Object.assign(counts, { restore: () => spy.mockRestore() });
}

describe('the level path fires exactly as reading every rule in full (randomized, seeded)', () => {
  it.each(SEEDS)('seed %i: same firings (values and explanations), counts and re-arm changes', (seed) => {
    const counted = countReadings();
    const levels = run(new StudioEngine(), seed);
    counted.restore();
    const full = run(new StudioEngine({ levels: false }), seed);
    expect(levels.counts).toEqual(full.counts);
    expect(levels.firings).toEqual(full.firings);
    // The same fields in the same order, as they are stored and sent.
    expect(JSON.stringify(levels.firings)).toBe(JSON.stringify(full.firings));
    expect(levels.rearms).toEqual(full.rearms);
    // The scenario is not idle, and most level-path readings came from the regions.
    expect(full.firings.length).toBeGreaterThan(100);
    expect(counted.fromRegions).toBeGreaterThan(counted.readings / 2);
  });
});
