import type { ConditionNode } from '@tradeassist/shared-types';
import { canNestAt, countNodes, newGroup, treeDepth, withCondition, withWithinUnit, type MoveLeaf, type RuleLeaf } from './condition-tree';

const channel: ConditionNode = { kind: 'channel', op: 'inside', lower: 1, upper: 2 };

describe('condition tree helpers', () => {
  it('counts nodes and levels as the server does: groups count, the root is level 1', () => {
    expect(countNodes(channel)).toBe(1);
    expect(treeDepth(channel)).toBe(1);
    const tree: ConditionNode = { kind: 'all', of: [channel, { kind: 'any', of: [channel, { kind: 'all', of: [channel] }] }] };
    expect(countNodes(tree)).toBe(6);
    expect(treeDepth(tree)).toBe(4);
  });

  it('lets groups hold sub-groups down to level 2 of 4, so leaves end at level 4', () => {
    expect([1, 2, 3, 4].map(canNestAt)).toEqual([true, true, false, false]);
  });

  it('starts a group with one blank level condition', () => {
    expect(newGroup('any')).toEqual({ kind: 'any', of: [{ kind: 'rule', rule_type: 'threshold', condition: 'above', threshold: null }] });
  });

  it('switches a rule leaf to another condition, dropping what the new rule type does not read', () => {
    const rsi: RuleLeaf = {
      kind: 'rule',
      rule_type: 'threshold',
      condition: 'above',
      threshold: 70,
      subject: { kind: 'rsi', period: 14 },
      against: { kind: 'sma', period: 5 },
    };
    // Same type: everything stays.
    expect(withCondition(rsi, 'below')).toEqual({ ...rsi, condition: 'below' });
    // Crossover still reads both operands.
    expect(withCondition(rsi, 'crosses_above')).toEqual({ ...rsi, rule_type: 'crossover', condition: 'crosses_above' });
    // Rate of change reads neither, and gets the default window.
    expect(withCondition(rsi, 'percent_change_up')).toEqual({
      kind: 'rule',
      rule_type: 'rate_of_change',
      condition: 'percent_change_up',
      threshold: 70,
      time_window_seconds: 60,
    });
    // A volume spike keeps only an average-volume operand; the window goes with the rate type.
    const rate = withCondition(rsi, 'percent_change_down');
    expect(withCondition({ ...rate, against: { kind: 'avg_volume', bars: 20, factor: 2 } }, 'volume_above')).toEqual({
      kind: 'rule',
      rule_type: 'volume_spike',
      condition: 'volume_above',
      threshold: 70,
      against: { kind: 'avg_volume', bars: 20, factor: 2 },
    });
  });

  it('moves a move between seconds and bars, keeping the number and never both keys', () => {
    const move: MoveLeaf = { kind: 'move', direction: 'up', by: 1, unit: 'value', within_seconds: 300 };
    const bars = withWithinUnit(move, 'within_bars');
    expect(bars).toEqual({ kind: 'move', direction: 'up', by: 1, unit: 'value', within_bars: 300 });
    expect(withWithinUnit(bars, 'within_seconds')).toEqual(move);
  });
});
