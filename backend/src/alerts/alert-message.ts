import { operandLabel, type Operand, type RuleCondition } from '@tradeassist/shared-types';

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

/**
 * An operand's value as a sentence shows it: RSI on its 0–100 scale to two decimals (86.5, not
 * 86.504633); averages, bands and MACD are in price units and keep a price's precision.
 */
export function operandText(o: Operand | null, n: number): string {
  return o?.kind === 'rsi' ? String(Number(n.toFixed(2))) : fmt(n);
}

/** The human sentence stored with a firing and shown in toasts. */
export function alertMessage(symbol: string, condition: RuleCondition, trigger: number, threshold: number, windowSeconds: number): string {
  switch (condition) {
    case 'above':
      return `${symbol} is above ${fmt(threshold)} at ${fmt(trigger)}`;
    case 'below':
      return `${symbol} is below ${fmt(threshold)} at ${fmt(trigger)}`;
    case 'equals':
      return `${symbol} reached ${fmt(threshold)} at ${fmt(trigger)}`;
    case 'crosses_above':
      return `${symbol} crossed above ${fmt(threshold)} at ${fmt(trigger)}`;
    case 'crosses_below':
      return `${symbol} crossed below ${fmt(threshold)} at ${fmt(trigger)}`;
    case 'percent_change_up':
      return `${symbol} is up ${trigger.toFixed(2)}% in ${windowSeconds}s (threshold ${fmt(threshold)}%)`;
    case 'percent_change_down':
      return `${symbol} is down ${Math.abs(trigger).toFixed(2)}% in ${windowSeconds}s (threshold ${fmt(threshold)}%)`;
    case 'volume_above':
      return `${symbol} traded ${fmt(trigger)} in one tick, above ${fmt(threshold)}`;
  }
}

const VERBS: Partial<Record<RuleCondition, string>> = {
  above: 'is above',
  below: 'is below',
  crosses_above: 'crossed above',
  crosses_below: 'crossed below',
};

/** The sentence for a rule comparing indicators: "ES RSI(14) is above 70 (72.41)", "ES crossed above SMA(50) (6001 vs 5998.5)". */
export function operandMessage(
  symbol: string,
  condition: RuleCondition,
  subject: Operand | null,
  against: Operand | null,
  value: number,
  level: number,
): string {
  if (against?.kind === 'avg_volume') return `${symbol} traded ${fmt(value)} this bar, ${operandLabel(against)} is ${fmt(level)}`;
  const left = subject === null ? symbol : `${symbol} ${operandLabel(subject)}`;
  const verb = VERBS[condition] ?? condition;
  const right = against === null ? fmt(level) : operandLabel(against);
  const shown = operandText(subject, value);
  return against === null ? `${left} ${verb} ${right} (${shown})` : `${left} ${verb} ${right} (${shown} vs ${operandText(against, level)})`;
}
