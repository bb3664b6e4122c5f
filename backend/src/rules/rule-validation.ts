import { CONDITIONS_BY_RULE_TYPE, type RuleFields, type ValidationErrorItem } from '@tradeassist/shared-types';
import { ValidationFailedError } from '../common';

/** Cross-field rules the DTO decorators cannot express; run on the merged rule for create and update. */
export function checkRuleSemantics(rule: RuleFields): void {
  const items: ValidationErrorItem[] = [];
  const allowed = CONDITIONS_BY_RULE_TYPE[rule.rule_type];
  if (rule.rule_type === 'multi_condition') {
    items.push({
      loc: ['body', 'rule_type'],
      msg: 'multi_condition rules need a condition tree, which this version does not support yet; use one rule per condition',
      type: 'unsupported',
    });
  } else if (!allowed.includes(rule.condition)) {
    items.push({
      loc: ['body', 'condition'],
      msg: `condition '${rule.condition}' does not apply to rule_type '${rule.rule_type}'; use one of: ${allowed.join(', ')}`,
      type: 'rule_type_mismatch',
    });
  }
  if ((rule.rule_type === 'rate_of_change' || rule.rule_type === 'volume_spike') && rule.threshold < 0) {
    items.push({ loc: ['body', 'threshold'], msg: 'must not be less than 0', type: 'min' });
  }
  if (items.length > 0) throw new ValidationFailedError(items);
}
