import { AlertEngine } from './alert-engine';
import { NaiveEngine } from './naive-engine';
import { engineRule, engineTick, T0 } from './test-support';
import { LATE, type EngineRule, type Firing } from './types';

type Step = [price: number, atMs: number, volume?: number];
interface Case {
  name: string;
  rules: (Partial<EngineRule> & { id: number })[];
  steps: Step[];
  /** Per step: the rule ids that fire, in order. */
  fires: number[][];
}

const S = 1000;

const cases: Case[] = [
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
    ],
    fires: [[], [], [1], [1], [1]],
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
    name: 'a gap crosses every level it jumps over',
    rules: [
      { id: 1, ruleType: 'crossover', condition: 'crosses_above', threshold: 101 },
      { id: 2, ruleType: 'crossover', condition: 'crosses_above', threshold: 105 },
      { id: 3, ruleType: 'crossover', condition: 'crosses_above', threshold: 110 },
    ],
    steps: [
      [100, 0],
      [106, 1],
    ],
    fires: [[], [1, 2]],
  },
  {
    name: 'rate of change up at exactly the threshold, against the earliest price in the window',
    rules: [{ id: 1, ruleType: 'rate_of_change', condition: 'percent_change_up', threshold: 1, timeWindowSeconds: 10 }],
    steps: [
      [100, 0],
      [100.5, 5 * S],
      [101, 9 * S],
      [101.5, 11 * S],
    ],
    fires: [[], [], [1], []],
  },
  {
    name: 'rate of change down',
    rules: [{ id: 1, ruleType: 'rate_of_change', condition: 'percent_change_down', threshold: 2, timeWindowSeconds: 60 }],
    steps: [
      [100, 0],
      [98.5, 10 * S],
      [98, 20 * S],
    ],
    fires: [[], [], [1]],
  },
  {
    name: 'rate of change window evicts old prices (window boundary inclusive)',
    rules: [{ id: 1, ruleType: 'rate_of_change', condition: 'percent_change_up', threshold: 5, timeWindowSeconds: 10 }],
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
    rules: [{ id: 1, threshold: 100, cooldownSeconds: 60, lastTriggeredMs: T0 - 30 * S }],
    steps: [
      [101, 0],
      [101, 29 * S],
      [101, 30 * S],
    ],
    fires: [[], [], [1]],
  },
  {
    name: 'firings come ordered by rule id',
    rules: [
      { id: 9, threshold: 100 },
      { id: 3, condition: 'below', threshold: 200 },
      { id: 5, threshold: 50 },
    ],
    steps: [[150, 0]],
    fires: [[3, 5, 9]],
  },
  { name: 'inactive rules never fire', rules: [{ id: 1, threshold: 100, active: false }], steps: [[101, 0]], fires: [[]] },
  {
    name: 'multi_condition is not evaluated yet',
    rules: [{ id: 1, ruleType: 'multi_condition', condition: 'above', threshold: 1 }],
    steps: [[101, 0]],
    fires: [[]],
  },
  { name: 'other instruments are untouched', rules: [{ id: 1, threshold: 100, instrumentId: 2 }], steps: [[101, 0]], fires: [[]] },
];

function run(engine: AlertEngine | NaiveEngine, c: Case): number[][] {
  for (const r of c.rules) engine.upsertRule(engineRule(r));
  return c.steps.map(([price, at, volume]) => {
    const out: Firing[] = [];
    engine.evaluate(engineTick(price, at, { volume: volume ?? 1 }), out);
    return out.map((f) => f.ruleId);
  });
}

describe.each([
  ['AlertEngine', () => new AlertEngine()],
  ['NaiveEngine', () => new NaiveEngine()],
])('%s floor semantics', (_name, make) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(run(make(), c)).toEqual(c.fires);
  });
});

describe('AlertEngine', () => {
  it('reports trigger, threshold, previous and reference values', () => {
    const engine = new AlertEngine();
    engine.upsertRule(
      engineRule({ id: 1, ruleType: 'rate_of_change', condition: 'percent_change_up', threshold: 1, timeWindowSeconds: 60 }),
    );
    engine.upsertRule(engineRule({ id: 2, ruleType: 'crossover', condition: 'crosses_above', threshold: 100.5, version: 4 }));
    const out: Firing[] = [];
    engine.evaluate(engineTick(100, 0), out);
    engine.evaluate(engineTick(101, 1000), out);
    expect(out).toEqual([
      {
        ruleId: 1,
        ruleVersion: 1,
        instrumentId: 1,
        tsMs: T0 + 1000,
        triggerValue: 1,
        thresholdValue: 1,
        previousPrice: 100,
        referencePrice: 100,
      },
      {
        ruleId: 2,
        ruleVersion: 4,
        instrumentId: 1,
        tsMs: T0 + 1000,
        triggerValue: 101,
        thresholdValue: 100.5,
        previousPrice: 100,
        referencePrice: null,
      },
    ]);
  });

  it('returns LATE for an older tick and changes nothing', () => {
    const engine = new AlertEngine();
    engine.upsertRule(engineRule({ id: 1, ruleType: 'crossover', condition: 'crosses_above', threshold: 100 }));
    const out: Firing[] = [];
    expect(engine.evaluate(engineTick(99, 1000), out)).toBe(0);
    expect(engine.evaluate(engineTick(150, 999), out)).toBe(LATE);
    expect(engine.evaluate(engineTick(101, 1000), out)).toBe(1);
    expect(out[0]?.previousPrice).toBe(99);
  });

  it('applies edits on the next tick and keeps cooldown across an edit', () => {
    const engine = new AlertEngine();
    engine.upsertRule(engineRule({ id: 1, threshold: 100, cooldownSeconds: 10 }));
    const out: Firing[] = [];
    engine.evaluate(engineTick(101, 0), out);
    engine.upsertRule(engineRule({ id: 1, threshold: 90, cooldownSeconds: 10, version: 2 }));
    expect(engine.evaluate(engineTick(95, 5000), out)).toBe(0);
    expect(engine.evaluate(engineTick(95, 10_000), out)).toBe(1);
    expect(out[1]).toMatchObject({ thresholdValue: 90, ruleVersion: 2 });
    engine.upsertRule(engineRule({ id: 1, threshold: 90, active: false, version: 3 }));
    expect(engine.evaluate(engineTick(95, 30_000), out)).toBe(0);
    engine.upsertRule(engineRule({ id: 1, threshold: 90, version: 4 }));
    engine.removeRule(1);
    expect(engine.evaluate(engineTick(95, 60_000), out)).toBe(0);
    expect(engine.ruleCount).toBe(0);
  });

  it('moves a rule to another instrument on edit', () => {
    const engine = new AlertEngine();
    engine.upsertRule(engineRule({ id: 1, threshold: 100 }));
    engine.upsertRule(engineRule({ id: 1, threshold: 100, instrumentId: 2 }));
    const out: Firing[] = [];
    expect(engine.evaluate(engineTick(101, 0), out)).toBe(0);
    expect(engine.evaluate(engineTick(101, 0, { instrumentId: 2 }), out)).toBe(1);
  });

  it('restores the previous price and last tick time from a seed', () => {
    const engine = new AlertEngine();
    engine.seedInstrument(1, 99, T0);
    engine.upsertRule(engineRule({ id: 1, ruleType: 'crossover', condition: 'crosses_above', threshold: 100 }));
    const out: Firing[] = [];
    expect(engine.evaluate(engineTick(150, -1), out)).toBe(LATE);
    expect(engine.evaluate(engineTick(101, 0), out)).toBe(1);
  });
});
