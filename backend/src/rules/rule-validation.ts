import { CONDITIONS_BY_RULE_TYPE, templateProblems, type RuleFields, type ValidationErrorItem } from '@tradeassist/shared-types';
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
  items.push(...optionProblems(rule));
  if (items.length > 0) throw new ValidationFailedError(items);
}

function optionProblems(rule: RuleFields): ValidationErrorItem[] {
  const items: ValidationErrorItem[] = [];
  const { rearm, message_template: template } = rule;
  if (rearm !== null) {
    const keys = Object.keys(rearm);
    const extra = keys.filter((k) => k !== 'by' && k !== 'unit');
    if (extra.length > 0)
      items.push({
        loc: ['body', 'rearm'],
        msg: `unknown field ${extra.map((k) => `'${k}'`).join(', ')}; rearm takes by and unit`,
        type: 'whitelist',
      });
    if (typeof rearm.by !== 'number' || !Number.isFinite(rearm.by) || rearm.by <= 0) {
      items.push({ loc: ['body', 'rearm', 'by'], msg: 'must be a number greater than 0', type: 'min' });
    }
    if (rearm.unit !== 'value' && rearm.unit !== 'percent') {
      items.push({ loc: ['body', 'rearm', 'unit'], msg: "must be 'value' or 'percent'", type: 'isIn' });
    }
  }
  if (template !== null) {
    for (const msg of templateProblems(template)) items.push({ loc: ['body', 'message_template'], msg, type: 'template' });
  }
  return items;
}
