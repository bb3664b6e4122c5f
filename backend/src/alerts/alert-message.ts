import type { RuleCondition } from '@tradeassist/shared-types';

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
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
