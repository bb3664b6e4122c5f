import type { ConditionNode } from '@tradeassist/shared-types';
import { RuleEngine } from '../rule-engine';
import { engineRule, S, T0 } from '../test-support';
import type { EngineRuleOptions, Firing } from '../types';
import { StudioEngine } from './studio-engine';
import { isPlain, PLAIN_OPTIONS } from './studio-rule';

const MIN = 60 * S;

/** One multi_condition rule with this tree, fed [price, ms after T0, volume?] ticks; per tick, whether it fired. */
function run(conditions: ConditionNode, ticks: [number, number, number?][], o: Partial<EngineRuleOptions> = {}): boolean[] {
  const engine = new StudioEngine();
  engine.upsertRule(
    engineRule({ id: 1, ruleType: 'multi_condition', cooldownSeconds: 0, options: { ...PLAIN_OPTIONS, conditions, ...o } }),
  );
  return ticks.map(([price, at, volume]) => engine.evaluate({ instrumentId: 1, tsMs: T0 + at, price, volume: volume ?? 1 }, []) > 0);
}

const above = (threshold: number): ConditionNode => ({ kind: 'rule', rule_type: 'threshold', condition: 'above', threshold });
const volumeAbove = (threshold: number): ConditionNode => ({
  kind: 'rule',
  rule_type: 'volume_spike',
  condition: 'volume_above',
  threshold,
});

describe('multi_condition trees', () => {
  it('all: every child must hold on the same tick', () => {
    expect(
      run({ kind: 'all', of: [above(100), volumeAbove(5)] }, [
        [101, 0, 1],
        [99, S, 9],
        [101, 2 * S, 9],
      ]),
    ).toEqual([false, false, true]);
  });

  it('any: one child is enough', () => {
    expect(
      run({ kind: 'any', of: [above(100), volumeAbove(5)] }, [
        [99, 0, 1],
        [99, S, 9],
        [101, 2 * S, 1],
      ]),
    ).toEqual([false, true, true]);
  });

  it('nests: any(all(above 100, volume > 5), below 90), three levels deep with a group inside', () => {
    const tree: ConditionNode = {
      kind: 'any',
      of: [
        { kind: 'all', of: [above(100), { kind: 'any', of: [volumeAbove(5), volumeAbove(100)] }] },
        { kind: 'rule', rule_type: 'threshold', condition: 'below', threshold: 90 },
      ],
    };
    expect(
      run(tree, [
        [101, 0, 1],
        [101, S, 6],
        [95, 2 * S, 6],
        [89, 3 * S, 1],
      ]),
    ).toEqual([false, true, false, true]);
  });

  it('crossing leaves remember their previous price through the tree', () => {
    const cross: ConditionNode = { kind: 'rule', rule_type: 'crossover', condition: 'crosses_above', threshold: 100 };
    expect(
      run({ kind: 'all', of: [cross, volumeAbove(0)] }, [
        [99, 0],
        [101, S],
        [102, 2 * S],
        [99, 3 * S],
        [100.5, 4 * S],
      ]),
    ).toEqual([false, true, false, false, true]);
  });
});

describe('channel conditions', () => {
  const channel = (op: 'enter' | 'exit' | 'inside' | 'outside'): ConditionNode => ({ kind: 'channel', op, lower: 100, upper: 110 });
  const path: [number, number][] = [
    [95, 0],
    [100, S],
    [105, 2 * S],
    [110, 3 * S],
    [111, 4 * S],
    [108, 5 * S],
    [99, 6 * S],
  ];

  it.each([
    ['inside', [false, true, true, true, false, true, false]],
    ['outside', [true, false, false, false, true, false, true]],
    ['enter', [false, true, false, false, false, true, false]],
    ['exit', [false, false, false, false, true, false, true]],
  ] as const)('%s (bounds included in the channel)', (op, expected) => {
    expect(run(channel(op), path)).toEqual(expected);
  });
});

describe('move conditions', () => {
  it('up by a percent within N seconds, from the earliest price in the window', () => {
    const move: ConditionNode = { kind: 'move', direction: 'up', by: 1, unit: 'percent', within_seconds: 10 };
    // 100 → 100.5 (0.5 %) → 101 at 8 s (1 %: fires) → 101.2 at 15 s (window from 5 s: earliest 101 at 8 s, 0.2 %).
    expect(
      run(move, [
        [100, 0],
        [100.5, 4 * S],
        [101, 8 * S],
        [101.2, 15 * S],
      ]),
    ).toEqual([false, false, true, false]);
  });

  it('down by a value within N bars, from the close N bars before the current bar', () => {
    const move: ConditionNode = { kind: 'move', direction: 'down', by: 2, unit: 'value', within_bars: 2 };
    // Closes 100 (bar 0), 99.5 (bar 1); in bar 2 the reference is bar 0's close: 98.5 is 1.5 down, 98 is 2 down.
    expect(
      run(move, [
        [100, 0],
        [99.5, MIN],
        [98.5, 2 * MIN],
        [98, 2 * MIN + S],
      ]),
    ).toEqual([false, false, false, true]);
  });

  it('within N bars at bar close compares the closed bar with the close N bars before it', () => {
    const move: ConditionNode = { kind: 'move', direction: 'up', by: 1, unit: 'value', within_bars: 1 };
    // Closes 100, 100.5, 102: bar 2 closes 1.5 above bar 1, seen when bar 3 starts.
    expect(
      run(
        move,
        [
          [100, 0],
          [100.5, MIN],
          [102, 2 * MIN],
          [90, 3 * MIN],
        ],
        { mode: 'once_per_bar_close' },
      ),
    ).toEqual([false, false, false, true]);
  });
});

describe('what a tree firing carries', () => {
  it('every leaf with its label, whether it held, its value and what it was compared with', () => {
    const engine = new StudioEngine();
    const conditions: ConditionNode = { kind: 'all', of: [{ kind: 'channel', op: 'inside', lower: 100, upper: 110 }, volumeAbove(5)] };
    engine.upsertRule(engineRule({ id: 1, ruleType: 'multi_condition', cooldownSeconds: 0, options: { ...PLAIN_OPTIONS, conditions } }));
    const out: Firing[] = [];
    engine.evaluate({ instrumentId: 1, tsMs: T0, price: 104, volume: 8 }, out);
    expect(out).toHaveLength(1);
    expect(out[0]?.triggerValue).toBe(104);
    expect(out[0]?.thresholdValue).toBe(100);
    expect(out[0]?.conditions).toEqual([
      { label: 'channel inside 100–110', holds: true, value: 104, against: 100 },
      { label: 'volume above 5', holds: true, value: 8, against: 5 },
    ]);
  });
});

describe('routing', () => {
  it('a multi_condition rule goes to the studio engine, never the indexed one', () => {
    const conditions: ConditionNode = { kind: 'channel', op: 'inside', lower: 100, upper: 110 };
    expect(isPlain({ ...PLAIN_OPTIONS, conditions })).toBe(false);
    const engine = new RuleEngine();
    engine.upsertRule(engineRule({ id: 1, ruleType: 'multi_condition', options: { ...PLAIN_OPTIONS, conditions } }));
    expect(engine.evaluate({ instrumentId: 1, tsMs: T0, price: 105, volume: 1 }, [])).toBe(1);
  });
});
