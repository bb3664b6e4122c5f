import { AlertEngine } from './alert-engine';
import { ENGINES, engineRule, engineTick, play, S, T0, type EngineCase } from './test-support';
import type { Firing } from './types';

const roc = (id: number, condition: 'percent_change_up' | 'percent_change_down', threshold: number, timeWindowSeconds: number | null) =>
  ({ id, ruleType: 'rate_of_change', condition, threshold, timeWindowSeconds }) as const;

/** The contract's floor semantics, one behaviour per case; every case runs on both engines. */
const cases: EngineCase[] = [
  { name: 'above fires on the very first tick', rules: [{ id: 1, threshold: 100 }], steps: [[101, 0]], fires: [[1]] },
  {
    name: 'above is strict',
    rules: [{ id: 1, threshold: 100 }],
    steps: [
      [100, 0],
      [100.0001, 1],
    ],
    fires: [[], [1]],
  },
  {
    name: 'above is level-triggered without cooldown',
    rules: [{ id: 1, threshold: 100 }],
    steps: [
      [101, 0],
      [102, 1],
      [99, 2],
      [101, 3],
    ],
    fires: [[1], [1], [], [1]],
  },
  {
    name: 'below is strict',
    rules: [{ id: 1, condition: 'below', threshold: 100 }],
    steps: [
      [100, 0],
      [99.99, 1],
    ],
    fires: [[], [1]],
  },
  {
    name: 'negative levels for internals',
    rules: [{ id: 1, condition: 'below', threshold: -1000 }],
    steps: [
      [-999, 0],
      [-1001, 1],
    ],
    fires: [[], [1]],
  },
  {
    name: 'equals within 0.01 either side, exclusive',
    rules: [{ id: 1, condition: 'equals', threshold: 100 }],
    steps: [
      [100.01, 0],
      [99.99, 1],
      [100.009, 2],
      [99.991, 3],
      [100, 4],
      [100.5, 5],
    ],
    fires: [[], [], [1], [1], [1], []],
  },
  {
    name: 'equals fires on each touching tick, after jumps from far away',
    rules: [
      { id: 1, condition: 'equals', threshold: 50 },
      { id: 2, condition: 'equals', threshold: 150 },
    ],
    steps: [
      [100, 0],
      [150, 1],
      [150.005, 2],
      [50, 3],
      [49.995, 4],
      [100, 5],
    ],
    fires: [[], [2], [2], [1], [1], []],
  },
  {
    name: 'crosses_above needs a previous price and moves from ≤ to >',
    rules: [{ id: 1, ruleType: 'crossover', condition: 'crosses_above', threshold: 100 }],
    steps: [
      [101, 0],
      [100, 1],
      [100.5, 2],
      [101, 3],
      [99, 4],
      [100, 5],
      [100, 6],
      [100.25, 7],
    ],
    fires: [[], [], [1], [], [], [], [], [1]],
  },
  {
    name: 'crosses_below moves from ≥ to <',
    rules: [{ id: 1, ruleType: 'crossover', condition: 'crosses_below', threshold: 100 }],
    steps: [
      [99, 0],
      [100, 1],
      [99.5, 2],
      [101, 3],
      [99, 4],
    ],
    fires: [[], [], [1], [], [1]],
  },
  {
    name: 'a gap crosses every level it jumps over, and only those',
    rules: [
      { id: 1, ruleType: 'crossover', condition: 'crosses_above', threshold: 101 },
      { id: 2, ruleType: 'crossover', condition: 'crosses_above', threshold: 105 },
      { id: 3, ruleType: 'crossover', condition: 'crosses_above', threshold: 110 },
      { id: 4, ruleType: 'crossover', condition: 'crosses_below', threshold: 103 },
      { id: 5, ruleType: 'crossover', condition: 'crosses_below', threshold: 100 },
    ],
    steps: [
      [100, 0],
      [106, 1],
      [100, 2],
      [99.99, 3],
    ],
    fires: [[], [1, 2], [4], [5]],
  },
  {
    name: 'rate of change up at exactly the threshold, against the earliest price in the window',
    rules: [roc(1, 'percent_change_up', 1, 10)],
    steps: [
      [100, 0],
      [100.5, 5 * S],
      [101, 9 * S],
      [101.5, 11 * S],
    ],
    fires: [[], [], [1], []],
  },
  {
    name: 'rate of change down at exactly the threshold',
    rules: [roc(1, 'percent_change_down', 2, 60)],
    steps: [
      [100, 0],
      [98.5, 10 * S],
      [98, 20 * S],
    ],
    fires: [[], [], [1]],
  },
  {
    name: 'rate of change window evicts old prices (window boundary inclusive)',
    rules: [roc(1, 'percent_change_up', 5, 10)],
    steps: [
      [100, 0],
      [105, 10 * S],
      [100, 10 * S + 1],
      [105, 20 * S + 1],
      [106, 20 * S + 2],
    ],
    fires: [[], [1], [], [1], []],
  },
  {
    name: 'rate of change windows default to 60 s, one per length',
    rules: [roc(1, 'percent_change_up', 1, null), roc(2, 'percent_change_up', 1, 30), roc(3, 'percent_change_down', 1, 60)],
    steps: [
      [100, 0],
      [99, 30 * S],
      [100, 59 * S],
      [99.5, 60 * S + 1],
    ],
    fires: [[], [3], [2], []],
  },
  {
    name: 'rate of change against a zero reference never fires; negative prices use its size',
    rules: [roc(1, 'percent_change_up', 1, 10)],
    steps: [
      [0, 0],
      [5, 1 * S],
      [-100, 20 * S],
      [-98, 21 * S],
    ],
    fires: [[], [], [], [1]],
  },
  {
    name: 'volume_above is strict on the tick volume',
    rules: [{ id: 1, ruleType: 'volume_spike', condition: 'volume_above', threshold: 500 }],
    steps: [
      [1, 0, 500],
      [1, 1, 501],
      [1, 2, 0],
    ],
    fires: [[], [1], []],
  },
  {
    name: 'cooldown holds within a burst, allows at exactly cooldown',
    rules: [{ id: 1, threshold: 100, cooldownSeconds: 60 }],
    steps: [
      [101, 0],
      [101, 1],
      [101, 60 * S - 1],
      [101, 60 * S],
      [101, 60 * S + 1],
      [101, 120 * S],
    ],
    fires: [[1], [], [], [1], [], [1]],
  },
  {
    name: 'a rule back from cooldown fires only if its condition holds then',
    rules: [
      { id: 1, threshold: 100, cooldownSeconds: 10 },
      { id: 2, condition: 'below', threshold: 90, cooldownSeconds: 10 },
      { id: 3, ruleType: 'volume_spike', condition: 'volume_above', threshold: 50, cooldownSeconds: 10 },
    ],
    steps: [
      [101, 0, 60],
      [89, 5 * S, 60],
      [95, 10 * S, 10],
      [101, 11 * S, 10],
      [89, 15 * S, 60],
      [89, 16 * S, 60],
    ],
    fires: [[1, 3], [2], [], [1], [2, 3], []],
  },
  {
    name: 'cooldown on crossings and equals too',
    rules: [
      { id: 1, ruleType: 'crossover', condition: 'crosses_above', threshold: 100, cooldownSeconds: 10 },
      { id: 2, condition: 'equals', threshold: 100, cooldownSeconds: 10 },
    ],
    steps: [
      [99, 0],
      [101, 1],
      [99, 2],
      [101, 3],
      [99, 10 * S],
      [101, 10 * S + 1],
      [100, 10 * S + 2],
      [100, 20 * S + 2],
    ],
    fires: [[], [1], [], [], [], [1], [2], [2]],
  },
  {
    name: 'cooldown persisted across a restart (lastTriggered given)',
    rules: [
      { id: 1, threshold: 100, cooldownSeconds: 60, lastTriggeredMs: T0 - 30 * S },
      { id: 2, ruleType: 'crossover', condition: 'crosses_above', threshold: 100, cooldownSeconds: 60, lastTriggeredMs: T0 - 30 * S },
    ],
    steps: [
      [99, 0],
      [101, 1],
      [101, 29 * S],
      [99, 29 * S + 1],
      [101, 30 * S],
    ],
    fires: [[], [], [], [], [1, 2]],
  },
  {
    name: 'cooldown 0 ignores a last firing later than the tick',
    rules: [{ id: 1, threshold: 100, lastTriggeredMs: T0 + 60 * S }],
    steps: [[101, 0]],
    fires: [[1]],
  },
  {
    name: 'firings come ordered by rule id',
    rules: [
      { id: 9, threshold: 100 },
      { id: 3, condition: 'below', threshold: 200 },
      { id: 5, threshold: 50 },
      { id: 4, ruleType: 'volume_spike', condition: 'volume_above', threshold: 5 },
      roc(1, 'percent_change_up', 10, 60),
    ],
    steps: [
      [100, 0],
      [150, 1, 9],
    ],
    fires: [
      [3, 5],
      [1, 3, 4, 5, 9],
    ],
  },
  { name: 'inactive rules never fire', rules: [{ id: 1, threshold: 100, active: false }], steps: [[101, 0]], fires: [[]] },
  {
    name: 'multi_condition is not evaluated yet',
    rules: [{ id: 1, ruleType: 'multi_condition', condition: 'above', threshold: 1 }],
    steps: [[101, 0]],
    fires: [[]],
  },
  { name: 'other instruments are untouched', rules: [{ id: 1, threshold: 100, instrumentId: 2 }], steps: [[101, 0]], fires: [[]] },
  {
    name: 'any instrument id works (small, large, negative)',
    rules: [
      { id: 1, threshold: 100, instrumentId: 0 },
      { id: 2, threshold: 100, instrumentId: 1_000_000 },
      { id: 3, threshold: 100, instrumentId: -5 },
    ],
    steps: [
      [101, 0, 1, 1_000_000],
      [101, 0, 1, -5],
      [101, 0, 1, 0],
      [101, 0, 1, 7],
    ],
    fires: [[2], [3], [1], []],
  },
];

describe.each(ENGINES)('%s floor semantics', (_name, make) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(play(make(), c.rules, c.steps)).toEqual(c.fires);
  });

  it('reports trigger, threshold, previous and reference values', () => {
    const engine = make();
    engine.upsertRule(engineRule(roc(1, 'percent_change_up', 1, 60)));
    engine.upsertRule(engineRule({ id: 2, ruleType: 'crossover', condition: 'crosses_above', threshold: 100.5, version: 4 }));
    engine.upsertRule(engineRule({ id: 3, ruleType: 'volume_spike', condition: 'volume_above', threshold: 10 }));
    engine.upsertRule(engineRule({ id: 4, threshold: 90 }));
    const out: Firing[] = [];
    engine.evaluate(engineTick(100, 0), out);
    const base = { instrumentId: 1, tsMs: T0 + 1000, previousPrice: 100, ruleVersion: 1 };
    expect(engine.evaluate(engineTick(101, 1000, { volume: 12 }), out)).toBe(4);
    expect(out).toEqual([
      {
        ruleId: 4,
        ruleVersion: 1,
        instrumentId: 1,
        tsMs: T0,
        triggerValue: 100,
        thresholdValue: 90,
        previousPrice: null,
        referencePrice: null,
      },
      { ...base, ruleId: 1, triggerValue: 1, thresholdValue: 1, referencePrice: 100 },
      { ...base, ruleId: 2, ruleVersion: 4, triggerValue: 101, thresholdValue: 100.5, referencePrice: null },
      { ...base, ruleId: 3, triggerValue: 12, thresholdValue: 10, referencePrice: null },
      { ...base, ruleId: 4, triggerValue: 101, thresholdValue: 90, referencePrice: null },
    ]);
  });

  it('counts and finds rules, inactive ones included', () => {
    const engine = make();
    engine.upsertRule(engineRule({ id: 1 }));
    engine.upsertRule(engineRule({ id: 2, active: false }));
    engine.upsertRule(engineRule({ id: 1, threshold: 5 }));
    expect([engine.ruleCount, engine.hasRule(1), engine.hasRule(2), engine.hasRule(3)]).toEqual([2, true, true, false]);
    engine.removeRule(1);
    engine.removeRule(42);
    expect([engine.ruleCount, engine.hasRule(1)]).toEqual([1, false]);
  });
});

describe('AlertEngine', () => {
  it('returns the number of firings it appended, after what was already in out', () => {
    const engine = new AlertEngine();
    engine.upsertRule(engineRule({ id: 2, threshold: 1 }));
    engine.upsertRule(engineRule({ id: 1, threshold: 2 }));
    const sentinel = { ruleId: 99 } as Firing;
    const out: Firing[] = [sentinel];
    expect(engine.evaluate(engineTick(5), out)).toBe(2);
    expect(out.map((f) => f.ruleId)).toEqual([99, 1, 2]);
  });
});
