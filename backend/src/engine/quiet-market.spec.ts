import { EnginePair, FLOOR_PAIRS, seededRandom, T0 } from './test-support';
import type { EngineRule, EngineTick } from './types';

/** Dense ids and sparse ones, each with its own price level (from cents to thousands). */
const INSTRUMENTS = [...Array.from({ length: 30 }, (_, i) => i), 70_000, 70_001, 123_456];
const WINDOWS = [1, 2, 5, 10, 30, 60, 300, null];

/**
 * Markets as the bench has them: many instruments, rules set away from the price, small moves.
 * Most ticks then take the fast path, which decides from one folded bracket that nothing fires:
 * these streams check it against the naive scan where it matters, at the bracket's edges (levels,
 * cooldowns ending, rate bounds expiring or reached, rings growing), tick by tick.
 */
describe('AlertEngine ≡ NaiveEngine on quiet markets', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i', (seed) => {
    const rand = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const base = new Map(INSTRUMENTS.map((id) => [id, Math.round(10 ** (rand() * 4) * 100) / 100]));
    const price = new Map(base);
    const engines = new EnginePair();
    let version = 1;
    const makeRule = (id: number): EngineRule => {
      const instrumentId = pick(INSTRUMENTS);
      const level = (base.get(instrumentId) as number) * (1 + (rand() - 0.5) * 0.06);
      const [ruleType, condition] = pick(FLOOR_PAIRS);
      const threshold =
        ruleType === 'rate_of_change'
          ? pick([0, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 1.5, 2, 3])
          : ruleType === 'volume_spike'
            ? Math.round(100 + rand() * 400)
            : Math.round(level * 100) / 100;
      return {
        id,
        version: version++,
        instrumentId,
        ruleType,
        condition,
        threshold,
        active: rand() > 0.05,
        timeWindowSeconds: pick(WINDOWS),
        // No cooldown only on edge-triggered rules: a level rule without one fires on every tick past its level.
        cooldownSeconds: ruleType === 'crossover' || condition === 'equals' ? pick([0, 1, 10, 60]) : pick([1, 10, 60]),
        lastTriggeredMs: rand() < 0.1 ? T0 - Math.floor(rand() * 60_000) : null,
      };
    };
    for (let id = 1; id <= 400; id++) {
      const r = makeRule(id);
      engines.both((e) => e.upsertRule(r));
    }
    let ts = T0;
    for (let step = 0; step < 40_000; step++) {
      const u = rand();
      if (u < 0.001) {
        const r = makeRule(1 + Math.floor(rand() * 420));
        engines.both((e) => e.upsertRule(r));
      } else if (u < 0.0015) {
        const id = 1 + Math.floor(rand() * 400);
        engines.both((e) => e.removeRule(id));
      }
      const instrumentId = pick(INSTRUMENTS);
      // A random walk of about 0.05 % a tick on the instrument's own price grid, now and then a jump.
      const p = price.get(instrumentId) as number;
      const move = rand() < 0.002 ? (rand() - 0.5) * 0.05 : (rand() - 0.5) * 0.0017;
      const next = Math.max(0.01, Math.round(p * (1 + move) * 100) / 100);
      price.set(instrumentId, next);
      ts += Math.floor(rand() * 60) - (rand() < 0.005 ? 500 : 0);
      const tick: EngineTick = { instrumentId, tsMs: ts, price: next, volume: Math.round(Math.exp(4.5 + (rand() - 0.5) * 2)) };
      if (!engines.tick(tick, step)) break;
    }
    expect(engines.mismatch).toBeNull();
    // Enough firings of every kind that the brackets' edges were crossed, and quiet enough that most ticks were not.
    expect(engines.firings).toBeGreaterThan(2000);
    expect(engines.firings).toBeLessThan(30_000);
  });
});

/**
 * Rate-of-change rules only: prices that sit at one level (where windows take narrow, long-lived
 * bounds) and jump to another, while rules cool down, are removed and come back. The bounds must
 * follow every change of what is armed: a window none of whose rules is armed stops holding the
 * price in, and when one comes back its window must be read anew.
 */
describe('AlertEngine ≡ NaiveEngine on rate windows through cooldowns and edits', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i', (seed) => {
    const rand = seededRandom(100 + seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const engines = new EnginePair();
    let version = 1;
    const makeRule = (id: number): EngineRule => ({
      id,
      version: version++,
      instrumentId: 1,
      ruleType: 'rate_of_change',
      condition: rand() < 0.5 ? 'percent_change_up' : 'percent_change_down',
      threshold: pick([2, 3, 4]),
      active: true,
      timeWindowSeconds: pick([20, 60]),
      cooldownSeconds: pick([0, 60, 200]),
      lastTriggeredMs: null,
    });
    for (let id = 1; id <= 6; id++) {
      const r = makeRule(id);
      engines.both((e) => e.upsertRule(r));
    }
    const levels = [100, 95, 105, 100.5];
    let level = 100;
    let ts = T0;
    for (let step = 0; step < 20_000; step++) {
      const u = rand();
      if (u < 0.01) {
        const id = 1 + Math.floor(rand() * 6);
        engines.both((e) => e.removeRule(id));
      } else if (u < 0.02) {
        const r = makeRule(1 + Math.floor(rand() * 6));
        engines.both((e) => e.upsertRule(r));
      }
      if (rand() < 0.01) level = pick(levels);
      const price = Math.round(level * (1 + (rand() - 0.5) * 0.002) * 100) / 100;
      ts += 200 + Math.floor(rand() * 1600);
      const tick: EngineTick = { instrumentId: 1, tsMs: ts, price, volume: 1 };
      if (!engines.tick(tick, step)) break;
    }
    expect(engines.mismatch).toBeNull();
    expect(engines.firings).toBeGreaterThan(300);
  });
});
