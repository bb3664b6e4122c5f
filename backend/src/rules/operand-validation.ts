import {
  INDICATOR_KINDS,
  INDICATOR_LIMITS,
  type Operand,
  type RuleCondition,
  type RuleType,
  type ValidationErrorItem,
} from '@tradeassist/shared-types';

export type Loc = (string | number)[];

/** What a condition is made of, at the top of a rule or as a leaf of its tree. */
export interface ConditionFields {
  rule_type: RuleType;
  condition: RuleCondition;
  subject: Operand | null;
  against: Operand | null;
}

/** Which rules may use which operands. */
export function operandUse(rule: ConditionFields, base: Loc): ValidationErrorItem[] {
  const items: ValidationErrorItem[] = [];
  const { subject, against } = rule;
  if (subject === null && against === null) return items;
  const volumeAverage = (o: Operand | null): boolean => o !== null && o.kind === 'avg_volume';
  if (rule.rule_type === 'volume_spike') {
    if (subject !== null)
      items.push(
        item(base, 'subject', 'volume_spike rules compare the bar volume; set only against: {kind: "avg_volume", ...}', 'operand_use'),
      );
    if (against !== null && !volumeAverage(against))
      items.push(item(base, 'against', 'volume_spike rules compare with avg_volume only', 'operand_use'));
    return items;
  }
  if (rule.rule_type !== 'threshold' && rule.rule_type !== 'crossover') {
    items.push(
      item(
        base,
        subject !== null ? 'subject' : 'against',
        `indicators apply to threshold and crossover rules, not ${rule.rule_type}`,
        'operand_use',
      ),
    );
    return items;
  }
  if (volumeAverage(subject) || volumeAverage(against)) {
    items.push(item(base, volumeAverage(subject) ? 'subject' : 'against', 'avg_volume applies to volume_spike rules', 'operand_use'));
  }
  if (rule.condition === 'equals')
    items.push(item(base, 'condition', 'equals does not apply to indicators; use above/below or a crossing', 'operand_use'));
  return items;
}

export function operandProblems(o: Operand, base: Loc, field: 'subject' | 'against'): ValidationErrorItem[] {
  const raw = o as unknown as Record<string, unknown>;
  if (!(INDICATOR_KINDS as readonly unknown[]).includes(raw['kind'])) {
    return [item(base, field, `kind must be one of: ${INDICATOR_KINDS.join(', ')}`, 'isIn', 'kind')];
  }
  const items: ValidationErrorItem[] = [];
  const { period, k, bars } = INDICATOR_LIMITS;
  const whole = (key: string, min: number, max: number): void => {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      items.push(item(base, field, `must be a whole number from ${min} to ${max}`, 'range', key));
  };
  const positive = (key: string, min: number, max: number): void => {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      items.push(item(base, field, `must be a number from ${min} to ${max}`, 'range', key));
  };
  const oneOf = (key: string, values: string[]): void => {
    if (!values.includes(raw[key] as string)) items.push(item(base, field, `must be one of: ${values.join(', ')}`, 'isIn', key));
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
        base,
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
      if (items.length === 0 && !(o.fast < o.slow)) items.push(item(base, field, 'fast must be shorter than slow', 'range', 'fast'));
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

export function item(base: Loc, field: string, msg: string, type: string, key?: string): ValidationErrorItem {
  return { loc: key ? [...base, field, key] : [...base, field], msg, type };
}
