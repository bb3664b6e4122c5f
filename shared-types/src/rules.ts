import type { RuleOptions } from './rule-options';

export const RULE_TYPES = ['threshold', 'crossover', 'rate_of_change', 'volume_spike', 'multi_condition'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const RULE_CONDITIONS = [
  'above',
  'below',
  'equals',
  'crosses_above',
  'crosses_below',
  'percent_change_up',
  'percent_change_down',
  'volume_above',
] as const;
export type RuleCondition = (typeof RULE_CONDITIONS)[number];

/** Which conditions make sense for which rule type; any other pair is a 422. */
export const CONDITIONS_BY_RULE_TYPE: Readonly<Record<RuleType, readonly RuleCondition[]>> = {
  threshold: ['above', 'below', 'equals'],
  crossover: ['crosses_above', 'crosses_below'],
  rate_of_change: ['percent_change_up', 'percent_change_down'],
  volume_spike: ['volume_above'],
  // Its tree (conditions) decides; the floor's condition field is kept only for the contract's shape.
  multi_condition: RULE_CONDITIONS,
};

export const RULE_LIMITS = {
  timeWindowSeconds: { min: 1, max: 3600, default: 60 },
  movingAveragePeriod: { min: 1, max: 1000 },
  cooldownSeconds: { min: 0, max: 3600, default: 60 },
  nameMaxLength: 200,
  descriptionMaxLength: 2000,
} as const;

/** |price − threshold| below this counts as "equals". */
export const EQUALS_TOLERANCE = 0.01;

/** A rule's definition: what a version records. */
export interface RuleFields extends RuleOptions {
  instrument_id: number;
  rule_type: RuleType;
  condition: RuleCondition;
  threshold: number;
  active: boolean;
  name: string | null;
  description: string | null;
  time_window_seconds: number | null;
  moving_average_period: number | null;
  cooldown_seconds: number;
}

export interface AlertRule extends RuleFields {
  id: number;
  instrument_symbol: string;
  /** Tick time of the last firing. */
  last_triggered: string | null;
  /** Its alerts with a tick time from 00:00 UTC today on (as alert_logs holds them: deleted alerts no longer count). */
  fires_today: number;
  /** Starts at 1; every edit increments it. */
  version: number;
  /** The user who owns the rule (null for rules created before accounts existed). */
  owner_id: number | null;
  owner: string | null;
  created_at: string;
  updated_at: string;
}

export interface CreateRuleRequest extends Partial<RuleOptions> {
  instrument_id: number;
  rule_type: RuleType;
  condition: RuleCondition;
  threshold: number;
  active?: boolean;
  name?: string | null;
  description?: string | null;
  time_window_seconds?: number | null;
  moving_average_period?: number | null;
  cooldown_seconds?: number;
}

export type UpdateRuleRequest = Partial<CreateRuleRequest>;

export interface RuleQuery {
  instrument_id?: number;
  active_only?: boolean;
  rule_type?: RuleType;
}

export interface MessageResponse {
  message: string;
}

export const RULE_CHANGES = ['created', 'updated'] as const;
export type RuleChange = (typeof RULE_CHANGES)[number];

/** A rule as it stood at one version: every edit writes one, and firings name the version they fired under. */
export interface RuleVersion {
  rule_id: number;
  version: number;
  change: RuleChange;
  /** Username of whoever made the change (null when unknown, e.g. rules from before accounts). */
  changed_by: string | null;
  changed_at: string;
  definition: RuleFields;
}

export interface RuleVersionsResponse {
  rule_id: number;
  /** The rule itself is gone; its history stays. */
  deleted: boolean;
  /** Newest first. */
  versions: RuleVersion[];
}
