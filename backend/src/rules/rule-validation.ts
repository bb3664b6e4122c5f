import {
  CONDITIONS_BY_RULE_TYPE,
  INDICATOR_KINDS,
  INDICATOR_LIMITS,
  templateProblems,
  type Operand,
  type RuleFields,
  type ValidationErrorItem,
} from '@tradeassist/shared-types';
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
  const items: ValidationErrorItem[] = [...operandUse(rule)];
  if (rule.subject !== null) items.push(...operandProblems(rule.subject, 'subject'));
  if (rule.against !== null) items.push(...operandProblems(rule.against, 'against'));
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

/** Which rules may use which operands. */
function operandUse(rule: RuleFields): ValidationErrorItem[] {
  const items: ValidationErrorItem[] = [];
  const { subject, against } = rule;
  if (subject === null && against === null) return items;
  const volumeAverage = (o: Operand | null): boolean => o !== null && o.kind === 'avg_volume';
  if (rule.rule_type === 'volume_spike') {
    if (subject !== null)
      items.push(item('subject', 'volume_spike rules compare the bar volume; set only against: {kind: "avg_volume", ...}', 'operand_use'));
    if (against !== null && !volumeAverage(against))
      items.push(item('against', 'volume_spike rules compare with avg_volume only', 'operand_use'));
    return items;
  }
  if (rule.rule_type !== 'threshold' && rule.rule_type !== 'crossover') {
    items.push(
      item(
        subject !== null ? 'subject' : 'against',
        `indicators apply to threshold and crossover rules, not ${rule.rule_type}`,
        'operand_use',
      ),
    );
    return items;
  }
  if (volumeAverage(subject) || volumeAverage(against)) {
    items.push(item(volumeAverage(subject) ? 'subject' : 'against', 'avg_volume applies to volume_spike rules', 'operand_use'));
  }
  if (rule.condition === 'equals')
    items.push(item('condition', 'equals does not apply to indicators; use above/below or a crossing', 'operand_use'));
  return items;
}

function operandProblems(o: Operand, field: 'subject' | 'against'): ValidationErrorItem[] {
  const raw = o as unknown as Record<string, unknown>;
  if (!(INDICATOR_KINDS as readonly unknown[]).includes(raw['kind'])) {
    return [item(field, `kind must be one of: ${INDICATOR_KINDS.join(', ')}`, 'isIn', 'kind')];
  }
  const items: ValidationErrorItem[] = [];
  const { period, k, bars } = INDICATOR_LIMITS;
  const whole = (key: string, min: number, max: number): void => {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      items.push(item(field, `must be a whole number from ${min} to ${max}`, 'range', key));
  };
  const positive = (key: string, min: number, max: number): void => {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      items.push(item(field, `must be a number from ${min} to ${max}`, 'range', key));
  };
  const oneOf = (key: string, values: string[]): void => {
    if (!values.includes(raw[key] as string)) items.push(item(field, `must be one of: ${values.join(', ')}`, 'isIn', key));
  };
  const allowed: Record<Operand['kind'], string[]> = {
    sma: ['kind', 'period'],
    ema: ['kind', 'period'],
    rsi: ['kind', 'period'],
    macd: ['kind', 'line', 'fast', 'slow', 'signal'],
    bollinger: ['kind', 'band', 'period', 'k'],
    avg_volume: ['kind', 'bars', 'factor'],
  };
  const extra = Object.keys(raw).filter((key) => !allowed[o.kind].includes(key));
  if (extra.length > 0)
    items.push(
      item(
        field,
        `unknown field ${extra.map((x) => `'${x}'`).join(', ')}; ${o.kind} takes ${allowed[o.kind].slice(1).join(', ')}`,
        'whitelist',
      ),
    );
  switch (o.kind) {
    case 'sma':
    case 'ema':
      whole('period', period.min, period.max);
      break;
    case 'rsi':
      whole('period', 2, period.max);
      break;
    case 'macd':
      oneOf('line', ['macd', 'signal', 'histogram']);
      whole('fast', period.min, period.max);
      whole('slow', period.min, period.max);
      whole('signal', period.min, period.max);
      if (items.length === 0 && !(o.fast < o.slow)) items.push(item(field, 'fast must be shorter than slow', 'range', 'fast'));
      break;
    case 'bollinger':
      oneOf('band', ['upper', 'middle', 'lower']);
      whole('period', period.min, period.max);
      positive('k', k.min, k.max);
      break;
    case 'avg_volume':
      whole('bars', bars.min, bars.max);
      positive('factor', 0.01, 1000);
      break;
  }
  return items;
}

function item(field: string, msg: string, type: string, key?: string): ValidationErrorItem {
  return { loc: key ? ['body', field, key] : ['body', field], msg, type };
}
