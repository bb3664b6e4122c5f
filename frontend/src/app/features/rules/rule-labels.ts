import type {
  AlertPriority,
  AlertRule,
  IndicatorKind,
  NotificationChannel,
  PriceSource,
  RuleCondition,
  RuleType,
  TriggerMode,
} from '@tradeassist/shared-types';

/** How the console names a rule in titles and confirmations: its name, or its id when it has none. */
export function ruleLabel(rule: Pick<AlertRule, 'id' | 'name'>): string {
  return rule.name ?? `rule ${rule.id}`;
}

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

export const TRIGGER_MODE_LABELS: Readonly<Record<TriggerMode, string>> = {
  every_time: 'every time (throttled by the cooldown)',
  once: 'once, then switch the rule off',
  once_per_bar: 'at most once per bar',
  once_per_bar_close: 'on bar close only',
};

export const PRICE_SOURCE_LABELS: Readonly<Record<PriceSource, string>> = {
  last: 'last trade',
  bid: 'bid',
  ask: 'ask',
  mid: 'mid (bid + ask) / 2',
};

export const PRIORITY_LABELS: Readonly<Record<AlertPriority, string>> = {
  low: 'low',
  normal: 'normal',
  high: 'high',
  urgent: 'urgent',
};

export const CHANNEL_LABELS: Readonly<Record<NotificationChannel, string>> = {
  in_app: 'in-app',
  sound: 'sound',
  slack: 'Slack',
  email: 'email',
  webhook: 'webhook',
  discord: 'Discord',
  telegram: 'Telegram',
  sms: 'SMS',
};

export const INDICATOR_KIND_LABELS: Readonly<Record<IndicatorKind, string>> = {
  sma: 'SMA (simple moving average)',
  ema: 'EMA (exponential moving average)',
  rsi: 'RSI (relative strength)',
  macd: 'MACD',
  bollinger: 'Bollinger band',
  avg_volume: 'average volume × factor',
};
