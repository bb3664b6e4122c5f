import { AlertEngine } from './alert-engine';
import { NaiveEngine } from './naive-engine';
import { LATE, type EngineRule, type EngineTick, type Firing } from './types';

/** Factories for engine specs and the bench: a rule or tick with overridable defaults. */
export function engineRule(overrides: Partial<EngineRule> & Pick<EngineRule, 'id'>): EngineRule {
  return {
    version: 1,
    instrumentId: 1,
    ruleType: 'threshold',
    condition: 'above',
    threshold: 100,
    active: true,
    timeWindowSeconds: null,
    cooldownSeconds: 0,
    lastTriggeredMs: null,
    ...overrides,
  };
}

export const T0 = Date.parse('2026-11-22T14:30:00Z');

export function engineTick(price: number, atMs = 0, overrides: Partial<EngineTick> = {}): EngineTick {
  return { instrumentId: 1, tsMs: T0 + atMs, price, volume: 1, ...overrides };
}

/** mulberry32: a tiny seeded PRNG so randomized tests and the bench are repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Engine = AlertEngine | NaiveEngine;

export const ENGINES: [string, () => Engine][] = [
  ['AlertEngine', () => new AlertEngine()],
  ['NaiveEngine', () => new NaiveEngine()],
];

/** One step of a scenario: a tick [price, ms after T0, volume?, instrument?], or a rule change or seed. */
export type Step =
  | [price: number, atMs: number, volume?: number, instrumentId?: number]
  | { upsert: Partial<EngineRule> & { id: number } }
  | { remove: number }
  | { seed: [instrumentId: number, lastPrice: number | null, atMs: number | null] };

/** Runs a scenario; per tick, the ids of the rules that fired (in output order) or 'late'. */
export function play(engine: Engine, rules: (Partial<EngineRule> & { id: number })[], steps: Step[]): (number[] | 'late')[] {
  for (const r of rules) engine.upsertRule(engineRule(r));
  const result: (number[] | 'late')[] = [];
  for (const step of steps) {
    if (Array.isArray(step)) {
      const [price, at, volume, instrumentId] = step;
      const out: Firing[] = [];
      const n = engine.evaluate(engineTick(price, at, { volume: volume ?? 1, instrumentId: instrumentId ?? 1 }), out);
      result.push(n === LATE ? 'late' : out.map((f) => f.ruleId));
      if (n !== LATE && n !== out.length) throw new Error(`evaluate returned ${n} for ${out.length} firings`);
    } else if ('upsert' in step) {
      engine.upsertRule(engineRule(step.upsert));
    } else if ('remove' in step) {
      engine.removeRule(step.remove);
    } else {
      const [id, price, at] = step.seed;
      engine.seedInstrument(id, price, at === null ? null : T0 + at);
    }
  }
  return result;
}

/** One table-driven engine case: the rules, what happens, and per tick the rule ids that fire (in order) or 'late'. */
export interface EngineCase {
  name: string;
  rules: (Partial<EngineRule> & { id: number })[];
  steps: Step[];
  fires: (number[] | 'late')[];
}

/** Milliseconds per second, for readable tick times. */
export const S = 1000;

/** Every floor rule_type/condition pair, for randomized workloads. */
export const FLOOR_PAIRS = [
  ['threshold', 'above'],
  ['threshold', 'below'],
  ['threshold', 'equals'],
  ['crossover', 'crosses_above'],
  ['crossover', 'crosses_below'],
  ['rate_of_change', 'percent_change_up'],
  ['rate_of_change', 'percent_change_down'],
  ['volume_spike', 'volume_above'],
] as const;

/**
 * The indexed engine and the naive oracle, fed the same changes and ticks: `tick` compares their
 * answers and keeps the first disagreement, with both answers, for a readable failure.
 */
export class EnginePair {
  readonly fast = new AlertEngine();
  readonly naive = new NaiveEngine();
  firings = 0;
  late = 0;
  mismatch: object | null = null;
  private readonly fastOut: Firing[] = [];
  private readonly naiveOut: Firing[] = [];

  both(change: (engine: Engine) => void): void {
    change(this.fast);
    change(this.naive);
  }

  /** One tick through both engines; false when they disagree (the mismatch is kept). */
  tick(tick: EngineTick, step: number): boolean {
    this.fastOut.length = 0;
    this.naiveOut.length = 0;
    const n = this.fast.evaluate(tick, this.fastOut);
    const m = this.naive.evaluate(tick, this.naiveOut);
    if (n !== m || !sameFirings(this.fastOut, this.naiveOut)) {
      this.mismatch = { step, tick, fast: { n, firings: [...this.fastOut] }, naive: { n: m, firings: [...this.naiveOut] } };
      return false;
    }
    if (n > 0) this.firings += n;
    if (n < 0) this.late++;
    return true;
  }
}

/** Whether two engines' firings agree in every field, in the same order. */
function sameFirings(a: Firing[], b: Firing[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((f, i) => {
    const g = b[i] as Firing;
    return (
      f.ruleId === g.ruleId &&
      f.ruleVersion === g.ruleVersion &&
      f.instrumentId === g.instrumentId &&
      f.tsMs === g.tsMs &&
      f.triggerValue === g.triggerValue &&
      f.thresholdValue === g.thresholdValue &&
      f.previousPrice === g.previousPrice &&
      f.referencePrice === g.referencePrice
    );
  });
}
