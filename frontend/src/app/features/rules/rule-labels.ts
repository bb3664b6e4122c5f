import type { RuleCondition, RuleType } from '@tradeassist/shared-types';

export const RULE_TYPE_LABELS: Readonly<Record<RuleType, string>> = {
  threshold: 'threshold',
  crossover: 'crossover',
  rate_of_change: 'rate of change',
  volume_spike: 'volume spike',
  multi_condition: 'multi-condition',
};

export const CONDITION_LABELS: Readonly<Record<RuleCondition, string>> = {
  above: 'above',
  below: 'below',
  equals: 'equals (±0.01)',
  crosses_above: 'crosses above',
  crosses_below: 'crosses below',
  percent_change_up: 'up by % in window',
  percent_change_down: 'down by % in window',
  volume_above: 'tick volume above',
};
