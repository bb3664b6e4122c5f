import { readFileSync } from 'node:fs';
import {
  CONDITIONS_BY_RULE_TYPE,
  RULE_CONDITIONS,
  RULE_TYPES,
  type CreateRuleRequest,
  type RuleCondition,
  type RuleType,
} from '@tradeassist/shared-types';
import { seededRandom } from '../backend/src/engine/test-support';
import type { EngineRule, EngineTick, Firing } from '../backend/src/engine';

/** Ticks in flat typed arrays, so generating or parsing them is never part of what is timed. */
export interface TickTape {
  count: number;
  instrument: Int32Array;
  ts: Float64Array;
  price: Float64Array;
  volume: Float64Array;
}

export interface Workload {
  rules: EngineRule[];
  ruleNames: string[];
  tape: TickTape;
  symbols: string[];
}

const MIX: [RuleType, RuleCondition, number][] = [
  ['threshold', 'above', 0.2],
  ['threshold', 'below', 0.2],
  ['threshold', 'equals', 0.05],
  ['crossover', 'crosses_above', 0.125],
  ['crossover', 'crosses_below', 0.125],
  ['rate_of_change', 'percent_change_up', 0.1],
  ['rate_of_change', 'percent_change_down', 0.1],
  ['volume_spike', 'volume_above', 0.1],
];

/**
 * How the rules sit against the prices.
 * - storm: levels anywhere within ±2 % of the start price, rate thresholds from 0.05 %: prices roam
 *   through the levels, many rules sit on their firing side and fire again after every cooldown.
 * - steady: alerts as traders set them, away from the price: `above` 0.5–5 % over it, `below`
 *   0.5–5 % under, crossings and equals within ±5 %, rate moves of 1–5 %, volume spikes from 500.
 */
export type Profile = 'storm' | 'steady';
export const PROFILES: readonly Profile[] = ['storm', 'steady'];

/** Where a rule's level goes, as a factor of the instrument's start price. */
function levelFactor(profile: Profile, condition: RuleCondition, rand: () => number): number {
  if (profile === 'storm') return 1 + (rand() - 0.5) * 0.04;
  const away = 0.005 + rand() * 0.045;
  if (condition === 'above') return 1 + away;
  if (condition === 'below') return 1 - away;
  return 1 + (rand() - 0.5) * 0.1;
}

/** Mixed floor rules around each instrument's price level and a random-walk tape with advancing event time. */
export function syntheticWorkload(instruments: number, ruleCount: number, tickCount: number, seed: number, profile: Profile): Workload {
  const rand = seededRandom(seed);
  const gauss = gaussian(rand);
  const base = Array.from({ length: instruments }, () => Math.round(10 ** (1 + rand() * 3.5) * 100) / 100);
  const rules: EngineRule[] = [];
  for (let id = 1; id <= ruleCount; id++) {
    const instrumentId = (id - 1) % instruments;
    let u = rand();
    const [ruleType, condition] = MIX.find(([, , w]) => (u -= w) < 0) ?? MIX[0]!;
    const level = base[instrumentId]! * levelFactor(profile, condition, rand);
    const steady = profile === 'steady';
    const threshold =
      ruleType === 'rate_of_change'
        ? Math.round((steady ? 1 + rand() * 4 : 0.05 + rand() * 1.5) * 100) / 100
        : ruleType === 'volume_spike'
          ? Math.round(steady ? 500 + rand() * 1000 : 300 + rand() * 700)
          : Math.round(level * 100) / 100;
    const c = rand();
    // Cooldown 0 only on edge-triggered rules: a level rule without cooldown is an alert storm, not a workload.
    const edge = ruleType === 'crossover' || condition === 'equals';
    rules.push({
      id,
      version: 1,
      instrumentId,
      ruleType,
      condition,
      threshold,
      active: true,
      timeWindowSeconds: [30, 60, 300][Math.floor(rand() * 3)]!,
      cooldownSeconds: edge && c < 0.3 ? 0 : c < 0.7 ? 60 : 300,
      lastTriggeredMs: null,
    });
  }
  const tape = emptyTape(tickCount);
  const price = [...base];
  let ts = Date.parse('2026-11-22T14:30:00Z');
  for (let i = 0; i < tickCount; i++) {
    const k = Math.floor(rand() * instruments);
    price[k] = Math.round(price[k]! * (1 + gauss() * 0.0005) * 100) / 100;
    ts += 1;
    tape.instrument[i] = k;
    tape.ts[i] = ts;
    tape.price[i] = price[k]!;
    tape.volume[i] = Math.round(Math.exp(4.5 + gauss() * 0.6));
  }
  return { rules, ruleNames: rules.map((r) => `rule ${r.id}`), tape, symbols: base.map((_, i) => `SYM${i}`) };
}

/** Feeds a tape to an engine as fast as it goes: one reused tick object, firings counted then dropped; returns their count. */
export function replay(engine: { evaluate(tick: EngineTick, out: Firing[]): number }, tape: TickTape): number {
  const tick: EngineTick = { instrumentId: 0, tsMs: 0, price: 0, volume: 0 };
  const out: Firing[] = [];
  let firings = 0;
  for (let i = 0; i < tape.count; i++) {
    tick.instrumentId = tape.instrument[i]!;
    tick.tsMs = tape.ts[i]!;
    tick.price = tape.price[i]!;
    tick.volume = tape.volume[i]!;
    const n = engine.evaluate(tick, out);
    if (n > 0) {
      firings += n;
      out.length = 0;
    }
  }
  return firings;
}

/** Standard normal draws (Box–Muller) from a uniform source. */
export function gaussian(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}

export function emptyTape(n: number): TickTape {
  return { count: n, instrument: new Int32Array(n), ts: new Float64Array(n), price: new Float64Array(n), volume: new Float64Array(n) };
}

type RuleFile = (Omit<CreateRuleRequest, 'instrument_id'> & { symbol: string })[];

/** A user's own workload: rules as REST bodies with `symbol`, ticks as CSV ts,symbol,price,volume. */
export function fileWorkload(rulesFile: string, ticksFile: string): Workload {
  const bodies = JSON.parse(readFileSync(rulesFile, 'utf8')) as RuleFile;
  if (!Array.isArray(bodies)) throw new Error(`${rulesFile} must hold a JSON array of rule bodies`);
  const symbols: string[] = [];
  const index = (symbol: string): number => {
    const s = symbol.toUpperCase();
    let i = symbols.indexOf(s);
    if (i < 0) i = symbols.push(s) - 1;
    return i;
  };
  const rules = bodies.map((b, i): EngineRule => {
    if (
      !RULE_TYPES.includes(b.rule_type) ||
      !RULE_CONDITIONS.includes(b.condition) ||
      !CONDITIONS_BY_RULE_TYPE[b.rule_type].includes(b.condition)
    ) {
      throw new Error(`rule ${i}: rule_type '${b.rule_type}' with condition '${b.condition}' is not a valid pair`);
    }
    if (typeof b.symbol !== 'string' || typeof b.threshold !== 'number')
      throw new Error(`rule ${i}: symbol and a numeric threshold are required`);
    return {
      id: i + 1,
      version: 1,
      instrumentId: index(b.symbol),
      ruleType: b.rule_type,
      condition: b.condition,
      threshold: b.threshold,
      active: b.active ?? true,
      timeWindowSeconds: b.time_window_seconds ?? null,
      cooldownSeconds: b.cooldown_seconds ?? 60,
      lastTriggeredMs: null,
    };
  });
  const lines = readFileSync(ticksFile, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim().toLowerCase());
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${ticksFile}: header must have a '${name}' column`);
    return i;
  };
  const [cTs, cSym, cPrice, cVol] = [col('ts'), col('symbol'), col('price'), col('volume')];
  const tape = emptyTape(lines.length);
  lines.forEach((line, i) => {
    const f = line.split(',');
    const rawTs = (f[cTs] ?? '').trim();
    const ts = /^\d+$/.test(rawTs) ? Number(rawTs) : Date.parse(rawTs);
    const price = Number(f[cPrice]);
    if (!Number.isFinite(ts) || !Number.isFinite(price)) throw new Error(`${ticksFile} line ${i + 2}: bad ts or price`);
    tape.instrument[i] = index(f[cSym] ?? '');
    tape.ts[i] = ts;
    tape.price[i] = price;
    tape.volume[i] = Number(f[cVol] ?? 0) || 0;
  });
  return { rules, ruleNames: bodies.map((b, i) => b.name ?? `#${i} ${b.symbol} ${b.condition} ${b.threshold}`), tape, symbols };
}
