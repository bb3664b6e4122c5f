import type { ConditionNode, MarketSession, Operand, PriceSource, RuleCondition, TriggerMode } from '@tradeassist/shared-types';
import { engineRule, FLOOR_PAIRS, S, seededRandom, T0 } from '../test-support';
import type { EngineRule, EngineRuleOptions, EngineTick, Firing } from '../types';
import type { RearmState } from './rearm-log';
import type { StudioEngine } from './studio-engine';
import { PLAIN_OPTIONS } from './studio-rule';

/*
 * Randomized, seeded scenarios for the engines' equivalence specs: a few instruments, rules of
 * every kind, a tape with the awkward cases, and edits along the way.
 */

const MIN = 60 * S;
/** Instrument ids: small ones have a row in the tick table by index, a large one is found by map. */
const IDS = [0, 7, 70_001];
const INSTRUMENTS = IDS.length;
const TICKS = 16_000;

/**
 * What a scenario is made of: the share of ticks that carry a bid and an ask, the share of rules
 * that are plain floor rules (for the indexed engine, so only a RuleEngine runs them), and the
 * share of studio rules drawn from those the level path alone reads (every other rule makes its
 * instrument read every tick); null draws every studio rule from all kinds.
 */
export interface ScenarioMix {
  quoted: number;
  plain: number;
  levelOnly: number | null;
}

/** The level path's own scenario: studio rules of every kind, most ticks quoted. */
export const STUDIO_MIX: ScenarioMix = { quoted: 0.6, plain: 0, levelOnly: null };

/** What runScenario drives: a StudioEngine, or a RuleEngine holding both kinds of rule. */
export type ScenarioEngine = Pick<
  StudioEngine,
  'upsertRule' | 'removeRule' | 'restoreDisarmed' | 'seedInstrument' | 'evaluate' | 'takeRearmChanges'
>;

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
  if (u < 0.8) return againstLevel(rand, indicator(rand), price);
  return { subject: indicator(rand), against: indicator(rand), threshold: 0 };
}

function againstLevel(
  rand: Rand,
  subject: Operand,
  price: number,
): Pick<EngineRule, 'threshold'> & Pick<EngineRuleOptions, 'subject' | 'against'> {
  const threshold =
    subject.kind === 'rsi'
      ? pick(rand, [30, 50, 70])
      : subject.kind === 'macd'
        ? pick(rand, [0, 0, 0.05, -0.05])
        : price * (1 + (rand() - 0.5) * 0.02);
  return { subject, against: null, threshold };
}

/**
 * A comparison the level path solves to price regions, as most that traders write are: the price
 * against an average or a Bollinger band, an average, RSI or MACD against a level.
 */
function solvableComparison(rand: Rand, price: number): Pick<EngineRule, 'threshold'> & Pick<EngineRuleOptions, 'subject' | 'against'> {
  const average = (): Operand => ({ kind: pick(rand, ['sma', 'ema'] as const), period: pick(rand, [2, 3, 5, 20]) });
  if (rand() < 0.5) {
    const band: Operand = { kind: 'bollinger', band: pick(rand, ['upper', 'middle', 'lower'] as const), period: 20, k: pick(rand, [1, 2]) };
    return { subject: null, against: rand() < 0.3 ? band : average(), threshold: 0 };
  }
  const o = indicator(rand);
  // A histogram on a signal of period 1 is nought at every price: nothing to solve.
  const flat = o.kind === 'bollinger' || (o.kind === 'macd' && o.signal === 1);
  return againstLevel(rand, flat ? average() : o, price);
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

/** A rule as the mix says: a plain floor rule, or a studio rule (see studioRule). */
function randomRule(rand: Rand, mix: ScenarioMix, id: number, instrumentId: number, price: number): EngineRule {
  if (mix.plain > 0 && rand() < mix.plain) return plainRule(rand, id, instrumentId, price);
  return studioRule(rand, mix.levelOnly !== null && rand() < mix.levelOnly, id, instrumentId, price);
}

/** A floor rule near the price (rate and volume thresholds at scales this tape reaches). */
function plainRule(rand: Rand, id: number, instrumentId: number, price: number): EngineRule {
  const [ruleType, condition] = pick(rand, FLOOR_PAIRS);
  const threshold =
    ruleType === 'rate_of_change'
      ? pick(rand, [0.05, 0.2, 1])
      : ruleType === 'volume_spike'
        ? Math.floor(rand() * 25)
        : Math.round(price * (1 + (rand() - 0.5) * 0.01) * 100) / 100;
  return engineRule({
    id,
    instrumentId,
    ruleType,
    condition,
    threshold,
    active: rand() < 0.97,
    timeWindowSeconds: pick(rand, [null, 5, 60]),
    cooldownSeconds: pick(rand, [0, 0, 30, 120]),
  });
}

/**
 * A studio rule, mostly indicator comparisons; options drawn independently. levelOnly: one that
 * only the level path reads (a comparison on ticks, on the last price, no session).
 */
function studioRule(rand: Rand, levelOnly: boolean, id: number, instrumentId: number, price: number): EngineRule {
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
  if (levelOnly) {
    if (options.mode === 'once_per_bar_close') options.mode = 'every_time';
    options.source = 'last';
    options.session = null;
    // A rule waiting to re-arm shuts the gate: a few, not most instruments all the time.
    if (rand() < 0.8) options.rearm = null;
    // Mostly crossings, and levels with a cooldown: a level that holds with none reads every tick.
    const condition = pick(rand, ['above', 'below', 'crosses_above', 'crosses_below', 'crosses_above', 'crosses_below'] as RuleCondition[]);
    const { threshold, subject, against } = solvableComparison(rand, price);
    const crossing = condition.startsWith('crosses');
    return {
      ...base,
      cooldownSeconds: crossing ? cooldownSeconds : pick(rand, [30, 120]),
      ruleType: crossing ? 'crossover' : 'threshold',
      condition,
      threshold,
      options: { ...options, subject, against },
    };
  }
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
function* tape(rand: Rand, prices: number[], quotedShare: number): Generator<EngineTick> {
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
    const quoted = rand() < quotedShare;
    yield {
      instrumentId: IDS[instrumentId] as number,
      tsMs: rand() < 0.003 ? ts - 5 * S : ts,
      price: p,
      volume: Math.round(rand() * 20),
      ...(quoted && { bid: p - 0.01, ask: rand() < 0.9 ? p + 0.01 : null }),
    };
  }
}

export interface Trace {
  counts: number[];
  firings: Firing[];
  rearms: RearmState[][];
}

/** Runs the same scenario through an engine: rules, a tape, edits along the way; what came out. */
export function runScenario(engine: ScenarioEngine, seed: number, mix: ScenarioMix = STUDIO_MIX): Trace {
  const rand = seededRandom(seed);
  const prices = Array.from({ length: INSTRUMENTS }, () => Math.round(50 + rand() * 500));
  let nextId = 1;
  const rules: EngineRule[] = [];
  for (let i = 0; i < 30; i++)
    rules.push(randomRule(rand, mix, nextId++, IDS[i % INSTRUMENTS] as number, prices[i % INSTRUMENTS] as number));
  for (const r of rules) engine.upsertRule(r);
  engine.seedInstrument(IDS[0] as number, prices[0] as number, T0 - S);
  const trace: Trace = { counts: [], firings: [], rearms: [] };
  for (const tick of tape(rand, prices, mix.quoted)) {
    trace.counts.push(engine.evaluate(tick, trace.firings));
    trace.rearms.push(engine.takeRearmChanges());
    const u = rand();
    // Rules added, edited, removed or restored mid-bar: series are shared, rebuilt, or made anew.
    if (u < 0.002) engine.upsertRule(randomRule(rand, mix, nextId++, tick.instrumentId, tick.price));
    else if (u < 0.004)
      engine.upsertRule({ ...randomRule(rand, mix, 1 + Math.floor(rand() * (nextId - 1)), tick.instrumentId, tick.price), version: 2 });
    else if (u < 0.005) engine.removeRule(1 + Math.floor(rand() * (nextId - 1)));
    else if (u < 0.006) engine.restoreDisarmed(1 + Math.floor(rand() * (nextId - 1)), tick.price);
  }
  return trace;
}
