import {
  CHANNEL_OPS,
  CONDITION_TREE_LIMITS,
  CONDITIONS_BY_RULE_TYPE,
  RULE_LIMITS,
  RULE_TYPES,
  type ConditionNode,
  type ValidationErrorItem,
} from '@tradeassist/shared-types';
import { item, operandProblems, operandUse, type ConditionFields, type Loc } from './operand-validation';

/** One condition (a rule's own, or a rule leaf of a tree): the pair, the threshold's sign, its operands. */
export function conditionProblems(c: ConditionFields & { threshold: number }, base: Loc): ValidationErrorItem[] {
  const items: ValidationErrorItem[] = [];
  const allowed = CONDITIONS_BY_RULE_TYPE[c.rule_type];
  if (!allowed.includes(c.condition)) {
    items.push(
      item(
        base,
        'condition',
        `condition '${c.condition}' does not apply to rule_type '${c.rule_type}'; use one of: ${allowed.join(', ')}`,
        'rule_type_mismatch',
      ),
    );
  }
  if ((c.rule_type === 'rate_of_change' || c.rule_type === 'volume_spike') && c.threshold < 0)
    items.push(item(base, 'threshold', 'must not be less than 0', 'min'));
  items.push(...operandUse(c, base));
  if (c.subject !== null) items.push(...operandProblems(c.subject, base, 'subject'));
  if (c.against !== null) items.push(...operandProblems(c.against, base, 'against'));
  return items;
}

/** A multi_condition tree: shape, size, and every leaf as its own rule would be checked; errors located at body.conditions.of.<i>… */
export function treeProblems(root: ConditionNode): ValidationErrorItem[] {
  const items: ValidationErrorItem[] = [];
  let nodes = 0;
  const visit = (node: unknown, loc: Loc, depth: number): void => {
    nodes++;
    const at = loc.slice(0, -1);
    const field = String(loc.at(-1));
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      items.push(item(at, field, 'must be a condition object with a kind', 'type'));
      return;
    }
    const n = node as Record<string, unknown>;
    const num = (key: string, ok: (v: number) => boolean, msg: string): void => {
      const v = n[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) items.push(item(loc, key, msg, 'range'));
    };
    const only = (keys: string[]): void => {
      const extra = Object.keys(n).filter((k) => k !== 'kind' && !keys.includes(k));
      if (extra.length > 0)
        items.push(
          item(
            at,
            field,
            `unknown field ${extra.map((k) => `'${k}'`).join(', ')}; ${String(n['kind'])} takes ${keys.join(', ')}`,
            'whitelist',
          ),
        );
    };
    switch (n['kind']) {
      case 'all':
      case 'any': {
        only(['of']);
        const of = n['of'];
        if (!Array.isArray(of) || of.length < 1) {
          items.push(item(loc, 'of', 'must list at least one condition', 'arrayMinSize'));
          return;
        }
        if (depth >= CONDITION_TREE_LIMITS.maxDepth) {
          items.push(item(at, field, `nests deeper than ${CONDITION_TREE_LIMITS.maxDepth} levels`, 'depth'));
          return;
        }
        of.forEach((child, i) => visit(child, [...loc, 'of', i], depth + 1));
        return;
      }
      case 'rule': {
        only(['rule_type', 'condition', 'threshold', 'time_window_seconds', 'subject', 'against']);
        const ruleType = n['rule_type'];
        if (ruleType === 'multi_condition' || !(RULE_TYPES as readonly unknown[]).includes(ruleType)) {
          items.push(
            item(loc, 'rule_type', 'must be threshold, crossover, rate_of_change or volume_spike (nest groups with all/any)', 'isIn'),
          );
          return;
        }
        num('threshold', () => true, 'must be a finite number');
        const tw = n['time_window_seconds'];
        if (tw !== undefined && tw !== null) {
          num(
            'time_window_seconds',
            (v) => Number.isInteger(v) && v >= RULE_LIMITS.timeWindowSeconds.min && v <= RULE_LIMITS.timeWindowSeconds.max,
            `must be a whole number from ${RULE_LIMITS.timeWindowSeconds.min} to ${RULE_LIMITS.timeWindowSeconds.max}`,
          );
        }
        const leaf = {
          rule_type: ruleType,
          condition: n['condition'],
          threshold: Number(n['threshold']),
          subject: n['subject'] ?? null,
          against: n['against'] ?? null,
        } as ConditionFields & { threshold: number };
        items.push(...conditionProblems(leaf, loc));
        return;
      }
      case 'channel':
        only(['op', 'lower', 'upper']);
        if (!(CHANNEL_OPS as readonly unknown[]).includes(n['op']))
          items.push(item(loc, 'op', `must be one of: ${CHANNEL_OPS.join(', ')}`, 'isIn'));
        num('lower', () => true, 'must be a finite number');
        num('upper', (v) => typeof n['lower'] !== 'number' || v > n['lower'], 'must be a number above lower');
        return;
      case 'move': {
        only(['direction', 'by', 'unit', 'within_seconds', 'within_bars']);
        if (n['direction'] !== 'up' && n['direction'] !== 'down') items.push(item(loc, 'direction', "must be 'up' or 'down'", 'isIn'));
        if (n['unit'] !== 'value' && n['unit'] !== 'percent') items.push(item(loc, 'unit', "must be 'value' or 'percent'", 'isIn'));
        num('by', (v) => v > 0, 'must be a number greater than 0');
        const seconds = n['within_seconds'] !== undefined;
        const bars = n['within_bars'] !== undefined;
        if (seconds === bars) items.push(item(at, field, 'needs exactly one of within_seconds and within_bars', 'required'));
        else if (seconds)
          num('within_seconds', (v) => Number.isInteger(v) && v >= 1 && v <= 86_400, 'must be a whole number from 1 to 86400');
        else num('within_bars', (v) => Number.isInteger(v) && v >= 1 && v <= 500, 'must be a whole number from 1 to 500');
        return;
      }
      default:
        items.push(item(loc, 'kind', 'must be one of: all, any, rule, channel, move', 'isIn'));
    }
  };
  visit(root, ['body', 'conditions'], 1);
  if (nodes > CONDITION_TREE_LIMITS.maxNodes)
    items.push(item(['body'], 'conditions', `has ${nodes} conditions; at most ${CONDITION_TREE_LIMITS.maxNodes}`, 'size'));
  return items;
}
