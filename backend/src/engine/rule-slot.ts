import { RULE_LIMITS } from '@tradeassist/shared-types';
import type { EngineRule } from './types';

/** Where a rule lives in its instrument's index. */
export type RuleKind = 'above' | 'below' | 'equals' | 'crosses_above' | 'crosses_below' | 'roc_up' | 'roc_down' | 'volume' | 'none';

/** The engine's mutable record of one rule. */
export interface RuleSlot {
  id: number;
  version: number;
  instrumentId: number;
  kind: RuleKind;
  threshold: number;
  windowMs: number;
  cooldownMs: number;
  lastMs: number | null;
  /** Level-triggered rules leave their index while cooling down. */
  armed: boolean;
  /** Bumped on every edit so re-arm entries of an older version are ignored. */
  generation: number;
}

export function kindOf(rule: EngineRule): RuleKind {
  if (!rule.active) return 'none';
  switch (rule.condition) {
    case 'above':
      return rule.ruleType === 'threshold' ? 'above' : 'none';
    case 'below':
      return rule.ruleType === 'threshold' ? 'below' : 'none';
    case 'equals':
      return rule.ruleType === 'threshold' ? 'equals' : 'none';
    case 'crosses_above':
      return rule.ruleType === 'crossover' ? 'crosses_above' : 'none';
    case 'crosses_below':
      return rule.ruleType === 'crossover' ? 'crosses_below' : 'none';
    case 'percent_change_up':
      return rule.ruleType === 'rate_of_change' ? 'roc_up' : 'none';
    case 'percent_change_down':
      return rule.ruleType === 'rate_of_change' ? 'roc_down' : 'none';
    case 'volume_above':
      return rule.ruleType === 'volume_spike' ? 'volume' : 'none';
  }
}

export function windowMsOf(rule: EngineRule): number {
  return (rule.timeWindowSeconds ?? RULE_LIMITS.timeWindowSeconds.default) * 1000;
}

/** Cooldown in tick time: less than cooldown since the last firing blocks; exactly cooldown allows. */
export function coolingDown(slot: RuleSlot, tsMs: number): boolean {
  return slot.lastMs !== null && slot.cooldownMs > 0 && tsMs - slot.lastMs < slot.cooldownMs;
}

/** A fresh slot for a rule; an edit keeps the later of the stored and the given last firing. */
export function toSlot(rule: EngineRule, previous: RuleSlot | undefined): RuleSlot {
  const lastMs = Math.max(previous?.lastMs ?? -Infinity, rule.lastTriggeredMs ?? -Infinity);
  return {
    id: rule.id,
    version: rule.version,
    instrumentId: rule.instrumentId,
    kind: kindOf(rule),
    threshold: rule.threshold,
    windowMs: windowMsOf(rule),
    cooldownMs: rule.cooldownSeconds * 1000,
    lastMs: Number.isFinite(lastMs) ? lastMs : null,
    armed: false,
    generation: (previous?.generation ?? 0) + 1,
  };
}

/** Restores what a restart would otherwise forget: the previous price (for crossings) and the last tick time. */
export function seedState(state: { prevPrice: number | null; lastTs: number }, lastPrice: number | null, lastTsMs: number | null): void {
  if (lastPrice !== null) state.prevPrice = lastPrice;
  if (lastTsMs !== null) state.lastTs = Math.max(state.lastTs, lastTsMs);
}
