import {
  CONDITION_TREE_LIMITS,
  CONDITIONS_BY_RULE_TYPE,
  RULE_LIMITS,
  type ChannelOp,
  type ConditionNode,
  type RuleCondition,
  type RuleType,
  operandLabel,
} from '@tradeassist/shared-types';

export type GroupNode = Extract<ConditionNode, { kind: 'all' | 'any' }>;
export type LeafNode = Exclude<ConditionNode, GroupNode>;
export type LeafKind = LeafNode['kind'];
export type RuleLeaf = Extract<LeafNode, { kind: 'rule' }>;
export type MoveLeaf = Extract<LeafNode, { kind: 'move' }>;
export type LeafRuleType = RuleLeaf['rule_type'];

export const isGroup = (node: ConditionNode): node is GroupNode => node.kind === 'all' || node.kind === 'any';

/** Every condition a rule leaf can state, with the rule type it belongs to, in the order the rule types come. */
export const LEAF_CONDITIONS: readonly { condition: RuleCondition; ruleType: LeafRuleType }[] = (
  Object.entries(CONDITIONS_BY_RULE_TYPE) as [RuleType, readonly RuleCondition[]][]
)
  .filter((entry): entry is [LeafRuleType, readonly RuleCondition[]] => entry[0] !== 'multi_condition')
  .flatMap(([ruleType, conditions]) => conditions.map((condition) => ({ condition, ruleType })));

export const CHANNEL_OP_LABELS: Readonly<Record<ChannelOp, string>> = {
  inside: 'is inside',
  outside: 'is outside',
  enter: 'enters',
  exit: 'leaves',
};

export const LEAF_KIND_LABELS: Readonly<Record<LeafKind, string>> = {
  rule: 'level or indicator',
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

export const newGroup = (kind: GroupNode['kind'] = 'all'): GroupNode => ({ kind, of: [newLeaf('rule')] });
export const newTree = (): GroupNode => newGroup('all');

/** Nodes as the server counts them against CONDITION_TREE_LIMITS.maxNodes: groups and leaves alike. */
export function countNodes(node: ConditionNode): number {
  return isGroup(node) ? 1 + node.of.reduce((n, child) => n + countNodes(child), 0) : 1;
}

/** A tree in a few words, for lists: "all of 2 (7 nodes)". */
export function treeSummary(node: ConditionNode): string {
  return isGroup(node) ? `${node.kind} of ${node.of.length} (${countNodes(node)} nodes)` : '1 condition';
}

/** Levels, the root being level 1, as the server counts them against CONDITION_TREE_LIMITS.maxDepth. */
export function treeDepth(node: ConditionNode): number {
  return isGroup(node) ? 1 + Math.max(0, ...node.of.map(treeDepth)) : 1;
}

/**
 * Whether a group at this depth (root = 1) may hold a sub-group: the sub-group needs a child of
 * its own one level further down, and that must stay within the limit.
 */
export const canNestAt = (depth: number): boolean => depth + 2 <= CONDITION_TREE_LIMITS.maxDepth;

/** Shallow copy with one optional key set, or taken out when blank: the server takes absent and null alike, the diff stays clean. */
export function withOptional<T extends object>(node: T, key: string, value: unknown): T {
  const { [key]: _old, ...rest } = node as Record<string, unknown>;
  return (value === null || value === undefined ? rest : { ...rest, [key]: value }) as T;
}

/**
 * A rule leaf switched to another condition: operands and the window go where the new rule type
 * does not read them, as the server would refuse them there.
 */
export function withCondition(leaf: RuleLeaf, condition: RuleCondition): RuleLeaf {
  const ruleType = LEAF_CONDITIONS.find((c) => c.condition === condition)?.ruleType ?? 'threshold';
  let next: RuleLeaf = { ...leaf, condition, rule_type: ruleType };
  if (ruleType === leaf.rule_type) return next;
  if (!leafTakesSubject(ruleType)) next = withOptional(next, 'subject', null);
  const againstFits = leafTakesAgainst(ruleType) && (ruleType === 'volume_spike') === (leaf.against?.kind === 'avg_volume');
  if (!againstFits) next = withOptional(next, 'against', null);
  const window = ruleType === 'rate_of_change' ? (leaf.time_window_seconds ?? RULE_LIMITS.timeWindowSeconds.default) : null;
  return withOptional(next, 'time_window_seconds', window);
}

export const leafTakesSubject = (t: LeafRuleType): boolean => t === 'threshold' || t === 'crossover';
export const leafTakesAgainst = (t: LeafRuleType): boolean => leafTakesSubject(t) || t === 'volume_spike';

export type WithinKey = 'within_seconds' | 'within_bars';

export const withinKey = (leaf: MoveLeaf): WithinKey => (leaf.within_bars !== undefined ? 'within_bars' : 'within_seconds');

const withinValue = (leaf: MoveLeaf): number | null => leaf.within_bars ?? leaf.within_seconds ?? null;

/** A move looks back in seconds or in bars, never both: the other key goes, the number stays. */
export function withWithinUnit(leaf: MoveLeaf, key: WithinKey): MoveLeaf {
  const { within_seconds: _s, within_bars: _b, ...rest } = leaf;
  return { ...rest, [key]: withinValue(leaf) };
}

/** "2.1" for the first child of the root's second: how labels name a node. */
export const pathLabel = (path: readonly number[]): string => path.map((i) => i + 1).join('.');

/** A number a leaf states, as its field shows it. */
export interface LeafNumber {
  key: 'threshold' | 'time_window_seconds' | 'lower' | 'upper' | 'by' | WithinKey;
  label: string;
  value: number | null;
  step: number | 'any';
}

/** The numbers a leaf asks for, in reading order; a rule compared with an indicator has no level. */
export function leafNumbers(leaf: LeafNode): LeafNumber[] {
  const num = (key: LeafNumber['key'], label: string, value: number | null | undefined, step: number | 'any' = 'any'): LeafNumber => ({
    key,
    label,
    value: value ?? null,
    step,
  });
  switch (leaf.kind) {
    case 'rule':
      return [
        ...(leaf.against ? [] : [num('threshold', levelLabel(leaf), leaf.threshold)]),
        ...(leaf.rule_type === 'rate_of_change' ? [num('time_window_seconds', 'Window (seconds)', leaf.time_window_seconds, 1)] : []),
      ];
    case 'channel':
      return [num('lower', 'Lower', leaf.lower), num('upper', 'Upper', leaf.upper)];
    case 'move':
      return [num('by', leaf.unit === 'percent' ? 'By (%)' : 'By (points)', leaf.by), num(withinKey(leaf), 'Within', withinValue(leaf), 1)];
  }
}

function levelLabel(leaf: RuleLeaf): string {
  if (leaf.subject) return `Level of ${operandLabel(leaf.subject)}`;
  if (leaf.rule_type === 'rate_of_change') return 'Change (%)';
  return leaf.rule_type === 'volume_spike' ? 'Volume' : 'Level';
}

/** A leaf with one number set; the window is optional (blank leaves it out), the others are sent blank as null for the server to name. */
export function withNumber(leaf: LeafNode, key: LeafNumber['key'], value: number | null): LeafNode {
  return key === 'time_window_seconds' ? withOptional(leaf, key, value) : { ...leaf, [key]: value };
}
