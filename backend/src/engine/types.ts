import type { ConditionNode, MarketSession, Operand, PriceSource, RuleCondition, RuleType, TriggerMode } from '@tradeassist/shared-types';

/** The engine's view of a rule: only what evaluation needs, in tick-time milliseconds. */
export interface EngineRule {
  id: number;
  version: number;
  instrumentId: number;
  ruleType: RuleType;
  condition: RuleCondition;
  threshold: number;
  active: boolean;
  /** rate_of_change window; null means the default (RULE_LIMITS.timeWindowSeconds.default). */
  timeWindowSeconds: number | null;
  cooldownSeconds: number;
  /** Tick time (ms since epoch) of the last firing, persisted so cooldown survives restarts. */
  lastTriggeredMs: number | null;
  /** How it fires beyond the floor; absent or plain (see isPlain) for the floor's behaviour. */
  options?: EngineRuleOptions | null;
}

/** A rule's trigger options in engine terms (milliseconds, flags). */
export interface EngineRuleOptions {
  /** What the condition reads instead of the price, and compares with instead of the threshold (null: the floor's). */
  subject: Operand | null;
  against: Operand | null;
  /** multi_condition rules: the tree that decides. */
  conditions: ConditionNode | null;
  mode: TriggerMode;
  /** Bar length for once_per_bar and once_per_bar_close. */
  barMs: number;
  source: PriceSource;
  /** After a firing, quiet until the price is back this far from the firing price (percent of it when `percent`). */
  rearm: { by: number; percent: boolean } | null;
  /** Tick time from which the rule no longer fires. */
  expiresAtMs: number | null;
  /** When it may fire; null: always. */
  session: MarketSession | null;
}

export interface EngineTick {
  instrumentId: number;
  /** Event time, ms since epoch. */
  tsMs: number;
  price: number;
  volume: number;
  bid?: number | null;
  ask?: number | null;
}

export interface Firing {
  ruleId: number;
  ruleVersion: number;
  instrumentId: number;
  tsMs: number;
  /** Price for threshold/cross rules, percent change for rate_of_change, volume for volume rules. */
  triggerValue: number;
  thresholdValue: number;
  /** The instrument's previous evaluated price (null on its first tick). */
  previousPrice: number | null;
  /** For rate_of_change: the window's reference (earliest) price. */
  referencePrice: number | null;
  /** Set by rules with options: the price the condition read (its source, or the bar's close). */
  evaluatedPrice?: number;
  /** Set for rules with operands: each indicator's value at the firing, by label (e.g. "RSI(14)"). */
  indicators?: Record<string, number>;
  /** Set for multi_condition rules: how each leaf of the tree stood. */
  conditions?: { label: string; holds: boolean; value: number; against: number }[];
  /** Set for once_per_bar_close firings: the closed bar. */
  bar?: { startMs: number; ms: number };
}

/** Returned by evaluate() for a tick older than the instrument's last evaluated tick. */
export const LATE = -1;
