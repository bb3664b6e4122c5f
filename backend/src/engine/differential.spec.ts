import { EnginePair, FLOOR_PAIRS, seededRandom, T0 } from './test-support';
import type { EngineRule, EngineTick } from './types';

// multi_condition is not evaluated by either engine: such a rule must simply never fire.
const PAIRS = [...FLOOR_PAIRS, ['multi_condition', 'above']] as const;
/** More distinct lengths than a book holds at first (so it grows), some long enough that the price ring grows. */
const WINDOWS = [1, 2, 5, 10, 30, 300, null];
/** A dense id, a second one and one far beyond the dense table. */
const INSTRUMENTS = [1, 2, 70_000];
const RULE_IDS = 150;

/**
 * Random rules, edits, removals, seeds and tick streams (late ticks, equal times, prices on the
 * same 0.01 grid as the levels so boundaries are hit exactly): the indexed engine must return
 * exactly what the naive scan returns, tick by tick.
 */
describe('AlertEngine ≡ NaiveEngine on random workloads', () => {
  // Around 100, and around 0 where prices change sign (TICK, ADD) and percent changes are unbounded.
  it.each([
    [1, 100],
    [2, 100],
    [3, 100],
    [4, 100],
    [5, 100],
    [6, 100],
    [7, 100],
    [8, 100],
    [9, 100],
    [10, 100],
    [11, 0.5],
    [12, 0.5],
    [13, 1],
  ])('seed %i around %d', (seed, base) => {
    const rand = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const grid = (x: number): number => Math.round(x * 100) / 100;
    const engines = new EnginePair();
    let version = 1;
    const makeRule = (id: number): EngineRule => {
      const [ruleType, condition] = pick(PAIRS);
      const threshold =
        ruleType === 'rate_of_change'
          ? grid(rand() * (base < 10 ? 300 : 0.3))
          : ruleType === 'volume_spike'
            ? Math.floor(rand() * 20)
            : grid(base + (rand() - 0.5) * 4);
      const last = rand();
      return {
        id,
        version: version++,
        instrumentId: pick(INSTRUMENTS),
        ruleType,
        condition,
        threshold,
        active: rand() > 0.1,
        timeWindowSeconds: pick(WINDOWS),
        cooldownSeconds: pick([0, 0, 0, 1, 2, 10, 60]),
        // Sometimes a last firing from before the stream, or even after its start (clock skew, replays).
        lastTriggeredMs: last < 0.1 ? T0 - Math.floor(rand() * 5000) : last < 0.13 ? T0 + Math.floor(rand() * 3000) : null,
      };
    };
    for (let id = 1; id <= RULE_IDS; id++) {
      const r = makeRule(id);
      engines.both((e) => e.upsertRule(r));
    }
    const prices = new Map(INSTRUMENTS.map((i) => [i, base]));
    let ts = T0;
    for (let step = 0; step < 3000; step++) {
      const u = rand();
      if (u < 0.01) {
        const r = makeRule(1 + Math.floor(rand() * (RULE_IDS + 10)));
        engines.both((e) => e.upsertRule(r));
      } else if (u < 0.013) {
        const id = 1 + Math.floor(rand() * RULE_IDS);
        engines.both((e) => e.removeRule(id));
      } else if (u < 0.015) {
        const instrument = pick(INSTRUMENTS);
        const price = rand() < 0.8 ? grid(base + (rand() - 0.5) * 4) : null;
        const at = rand() < 0.8 ? ts + Math.floor((rand() - 0.5) * 2000) : null;
        engines.both((e) => e.seedInstrument(instrument, price, at));
      }
      const instrumentId = pick(INSTRUMENTS);
      const price = grid((prices.get(instrumentId) as number) + (rand() - 0.5) * 0.6);
      prices.set(instrumentId, price);
      ts += Math.floor(rand() * 300) - (rand() < 0.02 ? 2000 : 0);
      const tick: EngineTick = { instrumentId, tsMs: ts, price, volume: Math.floor(rand() * 25) };
      if (!engines.tick(tick, step)) break;
    }
    expect(engines.mismatch).toBeNull();
    expect(engines.fast.ruleCount).toBe(engines.naive.ruleCount);
    // The stream must exercise the engines, or the equality above proves little.
    expect(engines.firings).toBeGreaterThan(500);
    expect(engines.late).toBeGreaterThan(5);
  });
});
