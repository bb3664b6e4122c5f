import { ENGINES, engineRule, engineTick, play, S, T0, type EngineCase, type Step } from './test-support';
import type { Firing } from './types';

const cross = { ruleType: 'crossover', condition: 'crosses_above' } as const;
const up = (timeWindowSeconds: number, threshold = 1) =>
  ({ ruleType: 'rate_of_change', condition: 'percent_change_up', threshold, timeWindowSeconds }) as const;

/** Rule changes, restarts and out-of-order ticks: the engine's state between ticks. */
const cases: EngineCase[] = [
  {
    name: 'an older tick is LATE and changes nothing; an equal time is not late',
    rules: [{ id: 1, ...cross, threshold: 100 }],
    steps: [
      [99, 1000],
      [150, 999],
      [101, 1000],
    ],
    fires: [[], 'late', [1]],
  },
  {
    name: 'a late tick leaves rate windows as they were',
    rules: [{ id: 1, ...up(60) }],
    steps: [
      [100, 10 * S],
      [50, 5 * S],
      [101, 11 * S],
    ],
    fires: [[], 'late', [1]],
  },
  {
    name: 'a seed restores the previous price and the last tick time',
    rules: [{ id: 1, ...cross, threshold: 100 }],
    steps: [{ seed: [1, 99, 0] }, [150, -1], [101, 0]],
    fires: ['late', [1]],
  },
  {
    name: 'a seed without a time keeps the price; a seed never moves time back',
    rules: [{ id: 1, ...cross, threshold: 100 }],
    steps: [[150, 5 * S], { seed: [1, 99, null] }, { seed: [1, null, 0] }, [150, 4 * S], [101, 5 * S]],
    fires: [[], 'late', [1]],
  },
  {
    name: 'a threshold edit takes effect on the next tick and keeps the cooldown',
    rules: [{ id: 1, threshold: 100, cooldownSeconds: 10 }],
    steps: [[101, 0], { upsert: { id: 1, threshold: 90, cooldownSeconds: 10, version: 2 } }, [95, 5 * S], [95, 10 * S]],
    fires: [[1], [], [1]],
  },
  {
    name: 'deactivating, reactivating and removing',
    rules: [{ id: 1, threshold: 90 }],
    steps: [
      [95, 0],
      { upsert: { id: 1, threshold: 90, active: false } },
      [95, 1],
      { upsert: { id: 1, threshold: 90 } },
      [95, 2],
      { remove: 1 },
      [95, 3],
    ],
    fires: [[1], [], [1], []],
  },
  {
    name: 'a rule removed while cooling down never comes back; a new one with its id starts fresh',
    rules: [
      { id: 1, threshold: 100, cooldownSeconds: 10 },
      { id: 2, condition: 'below', threshold: 200, cooldownSeconds: 10 },
    ],
    steps: [[101, 0], { remove: 1 }, [101, 10 * S], { upsert: { id: 1, threshold: 100, cooldownSeconds: 10 } }, [101, 11 * S]],
    fires: [[1, 2], [2], [1]],
  },
  {
    name: 'an edit keeps the later of the known and the given last firing',
    rules: [{ id: 1, threshold: 100, cooldownSeconds: 60 }],
    steps: [
      [101, 0],
      { upsert: { id: 1, threshold: 100, cooldownSeconds: 60, lastTriggeredMs: T0 - 3600 * S } },
      [101, 59 * S],
      { upsert: { id: 1, threshold: 100, cooldownSeconds: 60, lastTriggeredMs: T0 + 100 * S } },
      [101, 60 * S],
      [101, 160 * S],
    ],
    fires: [[1], [], [], [1]],
  },
  {
    name: 'shortening a cooldown while cooling down applies at once',
    rules: [{ id: 1, threshold: 100, cooldownSeconds: 600 }],
    steps: [[101, 0], [101, 30 * S], { upsert: { id: 1, threshold: 100, cooldownSeconds: 30 } }, [101, 30 * S]],
    fires: [[1], [], [1]],
  },
  {
    name: 'moving a rule to another instrument',
    rules: [{ id: 1, threshold: 100 }],
    steps: [{ upsert: { id: 1, threshold: 100, instrumentId: 2 } }, [101, 0], [101, 0, 1, 2]],
    fires: [[], [1]],
  },
  {
    name: 'a crossing level added or removed between ticks is seen by the next one',
    rules: [{ id: 1, ...cross, threshold: 105 }],
    steps: [
      [100, 0],
      { upsert: { id: 2, ...cross, threshold: 101 } },
      [102, 1],
      { remove: 1 },
      { upsert: { id: 3, ...cross, threshold: 102.5 } },
      [106, 2],
    ],
    fires: [[], [2], [3]],
  },
  {
    name: 'an equals level added next to the price fires on the next tick',
    rules: [],
    steps: [[100, 0], { upsert: { id: 1, condition: 'equals', threshold: 100.005 } }, [100, 1]],
    fires: [[], [1]],
  },
  {
    name: 'a rate window keeps its history when its rule is edited',
    rules: [{ id: 1, ...up(60) }],
    steps: [[100, 0], { upsert: { id: 1, ...up(60, 0.5), version: 2 } }, [100.6, 10 * S]],
    fires: [[], [1]],
  },
  {
    name: 'a rate window lost by all its rules before a tick starts empty again',
    rules: [{ id: 1, ...up(60) }],
    steps: [[100, 0], { remove: 1 }, [100, 1 * S], { upsert: { id: 2, ...up(60) } }, [102, 2 * S], [103.1, 3 * S]],
    fires: [[], [], [], [2]],
  },
  {
    // A minute and a half at 103.5 puts the window in a narrow range, where the second rule keeps
    // it while armed; once it is gone and the first is cooling down, nothing does: back, the first
    // must see the 95s that came in meanwhile.
    name: 'a rate window left without an armed rule for a while reads its whole history again',
    rules: [
      { id: 1, ...up(60, 3), cooldownSeconds: 150 },
      { id: 2, ...up(60, 3) },
    ],
    steps: [
      [100, 0],
      ...Array.from({ length: 100 }, (_, i): Step => [103.5, (i + 1) * S]),
      { remove: 2 },
      [95, 101 * S],
      [95, 102 * S],
      [103.5, 103 * S],
      [103, 161 * S],
    ],
    // Rule 2 fires while the first price (100) is in its window, up to 60 s.
    fires: [[], [1, 2], ...Array.from({ length: 59 }, () => [2]), ...Array.from({ length: 40 }, () => []), [], [], [], [1]],
  },
  {
    name: 'a rate window replaced by another rule before the next tick keeps its history',
    rules: [{ id: 1, ...up(60) }],
    steps: [[100, 0], { remove: 1 }, { upsert: { id: 2, ...up(60) } }, [101, 1 * S]],
    fires: [[], [2]],
  },
];

describe.each(ENGINES)('%s state across ticks', (_name, make) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(play(make(), c.rules, c.steps)).toEqual(c.fires);
  });

  it('keeps a long window exact across thousands of prices and many window lengths', () => {
    const engine = make();
    // Ten window lengths on one instrument; the hour-long one holds 3 600 prices.
    const lengths = [1, 2, 5, 10, 30, 60, 120, 600, 1800, 3600];
    lengths.forEach((w, i) => engine.upsertRule(engineRule({ id: i + 1, ...up(w, 1e9) })));
    engine.upsertRule(engineRule({ id: 100, ...up(3600, 50) }));
    const out: Firing[] = [];
    for (let s = 0; s < 5000; s++) engine.evaluate(engineTick(100 + s / 100, s * S), out);
    expect(out).toEqual([]);
    // At 5 000 s the hour window starts at 1 400 s, where the price was 114.
    engine.evaluate(engineTick(171, 5000 * S), out);
    expect(out.map((f) => [f.ruleId, f.referencePrice, f.triggerValue])).toEqual([[100, 114, ((171 - 114) / 114) * 100]]);
  });
});
