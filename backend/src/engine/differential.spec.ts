import { AlertEngine } from './alert-engine';
import { NaiveEngine } from './naive-engine';
import { seededRandom, T0 } from './test-support';
import type { EngineRule, Firing } from './types';

const PAIRS = [
  ['threshold', 'above'],
  ['threshold', 'below'],
  ['threshold', 'equals'],
  ['crossover', 'crosses_above'],
  ['crossover', 'crosses_below'],
  ['rate_of_change', 'percent_change_up'],
  ['rate_of_change', 'percent_change_down'],
  ['volume_spike', 'volume_above'],
] as const;

/** Random rules, edits and tick streams: the indexed engine must fire exactly what the naive scan fires. */
describe('AlertEngine ≡ NaiveEngine on random workloads', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i', (seed) => {
    const rand = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const fast = new AlertEngine();
    const naive = new NaiveEngine();
    const makeRule = (id: number): EngineRule => {
      const [ruleType, condition] = pick(PAIRS);
      const instrumentId = 1 + Math.floor(rand() * 3);
      const threshold =
        ruleType === 'rate_of_change'
          ? Math.round(rand() * 30) / 100
          : ruleType === 'volume_spike'
            ? Math.floor(rand() * 20)
            : 100 + Math.round((rand() - 0.5) * 400) / 100;
      return {
        id,
        version: 1,
        instrumentId,
        ruleType,
        condition,
        threshold,
        active: rand() > 0.1,
        timeWindowSeconds: pick([1, 5, 30, null]),
        cooldownSeconds: pick([0, 0, 1, 2, 10]),
        lastTriggeredMs: rand() > 0.9 ? T0 - Math.floor(rand() * 5000) : null,
      };
    };
    for (let id = 1; id <= 120; id++) {
      const r = makeRule(id);
      fast.upsertRule(r);
      naive.upsertRule(r);
    }
    const prices = [100, 100, 100];
    let ts = T0;
    const fastAll: (Firing | number)[] = [];
    const naiveAll: (Firing | number)[] = [];
    for (let step = 0; step < 4000; step++) {
      if (step % 250 === 249) {
        // Edits and deletions mid-stream.
        const id = 1 + Math.floor(rand() * 130);
        if (rand() < 0.3) {
          fast.removeRule(id);
          naive.removeRule(id);
        } else {
          const r = { ...makeRule(id), version: step };
          fast.upsertRule(r);
          naive.upsertRule(r);
        }
      }
      const instrument = Math.floor(rand() * 3);
      prices[instrument] = Math.round(((prices[instrument] as number) + (rand() - 0.5) * 0.6) * 100) / 100;
      ts += Math.floor(rand() * 300) - (rand() < 0.02 ? 2000 : 0);
      const tick = { instrumentId: instrument + 1, tsMs: ts, price: prices[instrument], volume: Math.floor(rand() * 25) };
      // The return value (count or LATE) is recorded too, so late handling is compared as well.
      fastAll.push(fast.evaluate(tick, fastAll as Firing[]));
      naiveAll.push(naive.evaluate(tick, naiveAll as Firing[]));
    }
    expect(fastAll.length).toBe(naiveAll.length);
    expect(fastAll).toEqual(naiveAll);
    expect(fastAll.filter((x) => typeof x !== 'number').length).toBeGreaterThan(100);
  });
});
