import type { RuleCondition, RuleType } from './rules';

/**
 * How a rule fires and what it says, beyond its condition: optional fields on a rule that leave
 * the contract's floor valid (a rule without them behaves exactly as the floor describes).
 */

export const TRIGGER_MODES = ['every_time', 'once', 'once_per_bar', 'once_per_bar_close'] as const;
/**
 * every_time: on every qualifying tick, throttled by the cooldown (the floor's behaviour);
 * once: the first firing switches the rule off (re-enable it to re-arm);
 * once_per_bar: at most one firing per bar of `bar_interval`, on the first qualifying tick;
 * once_per_bar_close: the condition is checked on each closed bar (its close, volume and the
 * previous bar's close); a bar closes when the first tick of a later bar arrives.
 */
export type TriggerMode = (typeof TRIGGER_MODES)[number];

export const BAR_INTERVALS = ['1m', '5m', '15m', '1h'] as const;
export type BarInterval = (typeof BAR_INTERVALS)[number];
export const BAR_INTERVAL_MS: Readonly<Record<BarInterval, number>> = { '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000 };

/** The start of the bar of `barMs` holding tsMs: bars are aligned on the epoch (UTC), before it too. */
export function barStart(tsMs: number, barMs: number): number {
  return tsMs - (((tsMs % barMs) + barMs) % barMs);
}

export const PRICE_SOURCES = ['last', 'bid', 'ask', 'mid'] as const;
/** Which price of a tick the condition reads; a tick without that price (no bid/ask) is skipped by the rule. */
export type PriceSource = (typeof PRICE_SOURCES)[number];

export const ALERT_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type AlertPriority = (typeof ALERT_PRIORITIES)[number];

/** Whether an alert of this priority reaches a channel set to this minimum. */
export function meetsMinPriority(priority: AlertPriority, min: AlertPriority): boolean {
  return ALERT_PRIORITIES.indexOf(priority) >= ALERT_PRIORITIES.indexOf(min);
}

export const NOTIFICATION_CHANNELS = ['in_app', 'sound', 'slack', 'email', 'webhook', 'discord', 'telegram', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Re-arm hysteresis: after a firing, the rule stays quiet until the price has moved back this far from the firing price. */
export interface RearmRule {
  by: number;
  unit: 'value' | 'percent';
}

export const INDICATOR_KINDS = ['sma', 'ema', 'rsi', 'macd', 'bollinger', 'avg_volume'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/**
 * A value a condition compares, computed on the closes of `bar_interval` bars (the bar still
 * forming counts with the current price, except in once_per_bar_close mode):
 * sma/ema(period), rsi(period, Wilder), macd(fast, slow, signal) line, signal or histogram,
 * bollinger(period, k) upper, middle or lower band, and avg_volume: factor × the average volume
 * of the last `bars` closed bars (for volume_spike rules, against the current bar's volume).
 */
export type Operand =
  | { kind: 'sma' | 'ema' | 'rsi'; period: number }
  | { kind: 'macd'; line: 'macd' | 'signal' | 'histogram'; fast: number; slow: number; signal: number }
  | { kind: 'bollinger'; band: 'upper' | 'middle' | 'lower'; period: number; k: number }
  | { kind: 'avg_volume'; bars: number; factor: number };

export const CHANNEL_OPS = ['enter', 'exit', 'inside', 'outside'] as const;
export type ChannelOp = (typeof CHANNEL_OPS)[number];

/**
 * A node of a multi_condition rule's tree:
 * - all / any: every (at least one) child holds; nest them for AND/OR trees;
 * - rule: one condition as a rule states it (rule_type, condition, threshold, window, operands);
 * - channel: the price relative to a band [lower, upper]: inside or outside it, or entering or
 *   leaving it on this tick (previous price outside / inside);
 * - move: the price moved up or down by a value or a percent, from the earliest price within
 *   `within_seconds`, or from the close `within_bars` bars before the current bar.
 */
export type ConditionNode =
  | { kind: 'all' | 'any'; of: ConditionNode[] }
  | {
      kind: 'rule';
      rule_type: Exclude<RuleType, 'multi_condition'>;
      condition: RuleCondition;
      threshold: number;
      time_window_seconds?: number | null;
      subject?: Operand | null;
      against?: Operand | null;
    }
  | { kind: 'channel'; op: ChannelOp; lower: number; upper: number }
  | { kind: 'move'; direction: 'up' | 'down'; by: number; unit: 'value' | 'percent'; within_seconds?: number; within_bars?: number };

/** A weekly window in a timezone: days 1 (Monday) to 7 (Sunday), from start to end (HH:MM, 24 h, end after start). */
export interface SessionWindow {
  days: number[];
  start: string;
  end: string;
}

/**
 * When a rule may fire: always; the US regular session (Monday to Friday 09:30–16:00 in
 * America/New_York); or custom weekly windows in a timezone of your choice (IANA name), by
 * default the timezone of the rule's instrument (followed when the instrument's changes).
 */
export type MarketSession = { kind: 'always' } | { kind: 'regular' } | { kind: 'custom'; timezone?: string; windows: SessionWindow[] };

export const REGULAR_SESSION: Readonly<{ timezone: string; windows: SessionWindow[] }> = {
  timezone: 'America/New_York',
  windows: [{ days: [1, 2, 3, 4, 5], start: '09:30', end: '16:00' }],
};

export const CONDITION_TREE_LIMITS = { maxDepth: 4, maxNodes: 32 } as const;

export const INDICATOR_LIMITS = { period: { min: 1, max: 1000 }, k: { min: 0.1, max: 10 }, bars: { min: 1, max: 500 } } as const;

/** The optional fields, as a request carries them and a rule returns them (with defaults filled in). */
export interface RuleOptions {
  /**
   * What the condition reads in place of the price: e.g. rsi(14) above 70. Null: the price
   * (the floor). Only for threshold and crossover rules.
   */
  subject: Operand | null;
  /**
   * What it compares with in place of `threshold`: e.g. price crosses above sma(50), sma(50)
   * crosses above sma(200), macd line crosses its signal; avg_volume for volume_spike rules.
   * The firing's threshold_value is then this value at that moment.
   */
  against: Operand | null;
  /** multi_condition rules: the tree that decides (required for them, refused for the others). */
  conditions: ConditionNode | null;
  trigger_mode: TriggerMode;
  bar_interval: BarInterval;
  price_source: PriceSource;
  rearm: RearmRule | null;
  /** Tick time after which the rule no longer fires. */
  expires_at: string | null;
  /** When it may fire (tick time); null means always. */
  session: MarketSession | null;
  priority: AlertPriority;
  /** Channels to notify; null means the owner's defaults. */
  channels: NotificationChannel[] | null;
  /** Play a sound in the console when it fires. */
  sound: boolean;
  /** The alert's message; null means the built-in one. Placeholders: MESSAGE_PLACEHOLDERS. */
  message_template: string | null;
}

export const DEFAULT_RULE_OPTIONS: Readonly<RuleOptions> = {
  subject: null,
  against: null,
  conditions: null,
  trigger_mode: 'every_time',
  bar_interval: '1m',
  price_source: 'last',
  rearm: null,
  expires_at: null,
  session: null,
  priority: 'normal',
  channels: null,
  sound: true,
  message_template: null,
};

export const MESSAGE_PLACEHOLDERS = [
  'symbol',
  'price',
  'threshold',
  'trigger_value',
  'condition',
  'rule_name',
  'time',
  'priority',
  'previous_price',
  'reference_price',
  'volume',
  // Rules with operands: what was compared (e.g. the RSI value) and with what (e.g. the SMA value, or the threshold).
  'subject',
  'against',
] as const;
export type MessagePlaceholder = (typeof MESSAGE_PLACEHOLDERS)[number];

export const MESSAGE_TEMPLATE_MAX_LENGTH = 500;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Problems with a message template, in words a person can act on; empty when it is fine. */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    if (!(MESSAGE_PLACEHOLDERS as readonly string[]).includes(name)) {
      problems.push(`unknown placeholder {{${name}}}; use one of ${MESSAGE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`);
    }
  }
  const unmatched = template.replace(PLACEHOLDER, '');
  if (unmatched.includes('{{') || unmatched.includes('}}')) problems.push('has an unclosed {{ or a stray }}');
  return problems;
}

/** Fills a template checked by templateProblems; values are given as text. */
export function renderTemplate(template: string, values: Readonly<Record<MessagePlaceholder, string>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => values[name as MessagePlaceholder] ?? '');
}

/** A short name for an operand, as messages and explanations show it: "RSI(14)", "MACD(12,26,9) signal". */
export function operandLabel(o: Operand): string {
  switch (o.kind) {
    case 'sma':
    case 'ema':
    case 'rsi':
      return `${o.kind.toUpperCase()}(${o.period})`;
    case 'macd':
      return `MACD(${o.fast},${o.slow},${o.signal})${o.line === 'macd' ? '' : ` ${o.line}`}`;
    case 'bollinger':
      return `Bollinger(${o.period},${o.k}) ${o.band}`;
    case 'avg_volume':
      return `${o.factor}× average volume of ${o.bars} bars`;
  }
}
