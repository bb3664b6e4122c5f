import type { ChannelOp, ConditionNode } from '@tradeassist/shared-types';

export type GroupNode = Extract<ConditionNode, { kind: 'all' | 'any' }>;
export type LeafNode = Exclude<ConditionNode, GroupNode>;
export type LeafKind = LeafNode['kind'];

/** The price conditions a leaf offers, and the rule type each belongs to. */
export const LEAF_PRICE_CONDITIONS = [
  { condition: 'above', ruleType: 'threshold', label: 'price above' },
  { condition: 'below', ruleType: 'threshold', label: 'price below' },
  { condition: 'equals', ruleType: 'threshold', label: 'price equals (±0.01)' },
  { condition: 'crosses_above', ruleType: 'crossover', label: 'price crosses above' },
  { condition: 'crosses_below', ruleType: 'crossover', label: 'price crosses below' },
] as const;

export const CHANNEL_OP_LABELS: Readonly<Record<ChannelOp, string>> = {
  inside: 'is inside',
  outside: 'is outside',
  enter: 'enters',
  exit: 'leaves',
};

export const LEAF_KIND_LABELS: Readonly<Record<LeafKind, string>> = {
  rule: 'price level',
  channel: 'channel',
  move: 'move',
};

/**
 * A new leaf of a kind. Numbers start blank (null, sent as such): the server then names the
 * field to fill, and no made-up level gets saved by accident.
 */
export function newLeaf(kind: LeafKind): LeafNode {
  const blank = null as unknown as number;
  switch (kind) {
    case 'rule':
      return { kind: 'rule', rule_type: 'threshold', condition: 'above', threshold: blank };
    case 'channel':
      return { kind: 'channel', op: 'inside', lower: blank, upper: blank };
    case 'move':
      return { kind: 'move', direction: 'up', by: blank, unit: 'percent', within_seconds: 300 };
  }
}

export const newTree = (): GroupNode => ({ kind: 'all', of: [newLeaf('rule')] });

const isSimpleLeaf = (node: ConditionNode): boolean =>
  node.kind === 'channel' ||
  node.kind === 'move' ||
  (node.kind === 'rule' && !node.subject && !node.against && LEAF_PRICE_CONDITIONS.some((c) => c.condition === node.condition));

/** This editor edits one all/any group of price, channel and move leaves; other trees are kept as they are. */
export function isEditableTree(node: ConditionNode | null): node is GroupNode & { of: LeafNode[] } {
  return !!node && (node.kind === 'all' || node.kind === 'any') && node.of.every(isSimpleLeaf);
}
