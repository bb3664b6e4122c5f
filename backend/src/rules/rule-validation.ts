import { templateProblems, type MarketSession, type RuleFields, type ValidationErrorItem } from '@tradeassist/shared-types';
import { isTimezone } from '../engine';
import { ValidationFailedError } from '../common';
import { conditionProblems, treeProblems } from './condition-validation';
import { item } from './operand-validation';

const BODY = ['body'];

/** Cross-field rules the DTO decorators cannot express; run on the merged rule for create and update. */
export function checkRuleSemantics(rule: RuleFields): void {
  const items: ValidationErrorItem[] = [];
  if (rule.rule_type === 'multi_condition') {
    if (rule.conditions === null) {
      items.push(
        item(BODY, 'conditions', 'multi_condition rules need conditions: an all/any tree of rule, channel and move conditions', 'required'),
      );
    } else {
      items.push(...treeProblems(rule.conditions));
    }
    if (rule.subject !== null || rule.against !== null) {
      items.push(
        item(
          BODY,
          rule.subject !== null ? 'subject' : 'against',
          'multi_condition rules put indicators on the rule conditions of their tree',
          'operand_use',
        ),
      );
    }
  } else {
    if (rule.conditions !== null)
      items.push(item(BODY, 'conditions', `conditions apply to multi_condition rules, not ${rule.rule_type}`, 'operand_use'));
    items.push(...conditionProblems(rule, BODY));
  }
  items.push(...optionProblems(rule));
  if (items.length > 0) throw new ValidationFailedError(items);
}

/** The options that do not depend on the condition. */
function optionProblems(rule: RuleFields): ValidationErrorItem[] {
  const items: ValidationErrorItem[] = [];
  const { rearm, message_template: template } = rule;
  if (rearm !== null) {
    const extra = Object.keys(rearm).filter((k) => k !== 'by' && k !== 'unit');
    if (extra.length > 0)
      items.push(item(BODY, 'rearm', `unknown field ${extra.map((k) => `'${k}'`).join(', ')}; rearm takes by and unit`, 'whitelist'));
    if (typeof rearm.by !== 'number' || !Number.isFinite(rearm.by) || rearm.by <= 0)
      items.push(item(BODY, 'rearm', 'must be a number greater than 0', 'min', 'by'));
    if (rearm.unit !== 'value' && rearm.unit !== 'percent') items.push(item(BODY, 'rearm', "must be 'value' or 'percent'", 'isIn', 'unit'));
  }
  if (rule.session !== null) items.push(...sessionProblems(rule.session));
  if (template !== null) {
    for (const msg of templateProblems(template)) items.push(item(BODY, 'message_template', msg, 'template'));
  }
  return items;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** An end may be 24:00: the window then runs to midnight, its last minute included. */
const HHMM_END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

function sessionProblems(session: MarketSession): ValidationErrorItem[] {
  const raw = session as unknown as Record<string, unknown>;
  const base = ['body', 'session'];
  if (raw['kind'] === 'always' || raw['kind'] === 'regular') return [];
  if (raw['kind'] !== 'custom') return [item(base, 'kind', "must be 'always', 'regular' or 'custom'", 'isIn')];
  const items: ValidationErrorItem[] = [];
  // Absent, the instrument's timezone applies (and follows it when it changes).
  const timezone = raw['timezone'];
  if (timezone !== undefined && (typeof timezone !== 'string' || !isTimezone(timezone))) {
    items.push(
      item(
        base,
        'timezone',
        "must be an IANA timezone such as America/New_York or Europe/London; leave it out to use the instrument's",
        'timezone',
      ),
    );
  }
  const windows = raw['windows'];
  if (!Array.isArray(windows) || windows.length === 0)
    return [...items, item(base, 'windows', 'must list at least one window', 'arrayMinSize')];
  windows.forEach((w: Record<string, unknown>, i) => {
    const at = [...base, 'windows', i];
    const days = w['days'];
    if (!Array.isArray(days) || days.length === 0 || !days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
      items.push(item(at, 'days', 'must list days 1 (Monday) to 7 (Sunday)', 'range'));
    }
    const start = w['start'];
    const end = w['end'];
    if (typeof start !== 'string' || !HHMM.test(start)) items.push(item(at, 'start', 'must be a time HH:MM (24 h)', 'time'));
    if (typeof end !== 'string' || !HHMM_END.test(end))
      items.push(item(at, 'end', 'must be a time HH:MM (24 h; 24:00 for midnight)', 'time'));
    else if (typeof start === 'string' && HHMM.test(start) && end <= start)
      items.push(item(at, 'end', 'must be after start (split a window that crosses midnight in two)', 'range'));
  });
  return items;
}
