import type { RuleCondition, RuleType } from '@tradeassist/shared-types';

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
}

export interface EngineTick {
  instrumentId: number;
  /** Event time, ms since epoch. */
  tsMs: number;
  price: number;
  volume: number;
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
}

/** Returned by evaluate() for a tick older than the instrument's last evaluated tick. */
export const LATE = -1;
