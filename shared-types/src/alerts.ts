import type { BarInterval, PriceSource } from './rule-options';
import type { RuleCondition, RuleType, RuleVersion } from './rules';

export const FIRED_STATUSES = ['fired', 'suppressed', 'error'] as const;
export type FiredStatus = (typeof FIRED_STATUSES)[number];

export const DELIVERY_STATUSES = ['pending', 'in_app_sent', 'sound_played', 'slack_sent', 'all_delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const ALERT_PAGE = { defaultLimit: 50, maxLimit: 1000 } as const;

export interface AlertLog {
  id: number;
  timestamp: string;
  rule_id: number;
  rule_version: number;
  rule_name: string | null;
  instrument_id: number;
  instrument_symbol: string;
  trigger_value: number;
  threshold_value: number;
  fired_status: FiredStatus;
  delivery_status: DeliveryStatus;
  rule_condition: RuleCondition;
  rule_type: RuleType;
  evaluation_time_ms: number;
  alert_message: string;
}

export interface AlertQuery {
  limit?: number;
  offset?: number;
  instrument_id?: number;
  rule_id?: number;
  fired_status?: FiredStatus;
  delivery_status?: DeliveryStatus;
  /** YYYY-MM-DD, inclusive, UTC. */
  date_from?: string;
  date_to?: string;
}

export interface AlertListResponse {
  alerts: AlertLog[];
  total: number;
  has_more: boolean;
  page: number;
  limit: number;
}

export interface AlertStats {
  total_alerts_today: number;
  total_alerts_this_week: number;
  avg_evaluation_time_ms: number;
  fastest_evaluation_ms: number;
  slowest_evaluation_ms: number;
  alerts_by_instrument: Record<string, number>;
  alerts_by_rule_type: Record<string, number>;
}

/** What a firing compared, so a trader can see why it fired. */
export const MEASURES = ['price', 'percent_change', 'volume'] as const;
export type Measure = (typeof MEASURES)[number];

/** The inputs that made a rule fire, stored with the firing. */
export interface AlertExplanation {
  /** What trigger_value is: a price, a percent change over the window, or a tick's volume. */
  measure: Measure;
  trigger_value: number;
  threshold_value: number;
  /** The price the condition read: the tick's (from price_source) or, on a bar close, the bar's close. */
  price: number;
  price_source: PriceSource;
  bid: number | null;
  ask: number | null;
  volume: number;
  /** The instrument's previous evaluated price (null on its first tick). */
  previous_price: number | null;
  /** Rate of change: the earliest price inside the window, and the window. */
  reference_price: number | null;
  window_seconds: number | null;
  /** multi_condition rules: how each condition of the tree stood (label, held or not, value, compared with). */
  conditions: { label: string; holds: boolean; value: number; against: number }[] | null;
  /** Rules with operands: each indicator's value at the firing, by label (e.g. "RSI(14)"); null otherwise. */
  indicators: Record<string, number> | null;
  /** On the tick as it arrived (intrabar), or on a closed bar (trigger mode once_per_bar_close). */
  evaluated_on: 'tick' | 'bar_close';
  /** The closed bar, when evaluated_on is bar_close. */
  bar_interval: BarInterval | null;
  bar_start: string | null;
}

export interface AlertDetail extends AlertLog {
  /** Null for alerts recorded before explanations were kept. */
  explanation: AlertExplanation | null;
  /** The rule as it stood when it fired (its version), even if edited or deleted since. */
  rule_definition: RuleVersion | null;
}
