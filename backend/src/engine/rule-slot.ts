import { RULE_LIMITS } from '@tradeassist/shared-types';
import type { LevelIndex } from './level-index';
import type { EngineRule } from './types';

/** Where a rule lives in its instrument's index (small integers: the hot path switches on them). */
export const Kind = {
  none: 0,
  above: 1,
  below: 2,
  equals: 3,
  crossesAbove: 4,
  crossesBelow: 5,
  rocUp: 6,
  rocDown: 7,
  volume: 8,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** The engine's mutable record of one rule; a new one replaces it on every edit. */
export class RuleSlot {
  /**
   * Tick time of the last firing; −∞ when it never fired (no null check on the hot path). While the
   * indexed engine holds the rule, its book keeps this in the rule's record and writes it back here
   * when the rule leaves (see book-store): an edit reads it after that.
   */
  lastMs: number;
  /** The index holding the rule (a rule with a cooldown leaves it while cooling down, waiting in the re-arm heap). */
  index: LevelIndex | null = null;

  constructor(
    readonly id: number,
    readonly version: number,
    readonly instrumentId: number,
    readonly kind: Kind,
    readonly threshold: number,
    readonly windowMs: number,
    readonly cooldownMs: number,
    lastMs: number,
  ) {
    this.lastMs = lastMs;
  }
}

export function kindOf(rule: EngineRule): Kind {
  if (!rule.active) return Kind.none;
  switch (rule.condition) {
    case 'above':
      return rule.ruleType === 'threshold' ? Kind.above : Kind.none;
    case 'below':
      return rule.ruleType === 'threshold' ? Kind.below : Kind.none;
    case 'equals':
      return rule.ruleType === 'threshold' ? Kind.equals : Kind.none;
    case 'crosses_above':
      return rule.ruleType === 'crossover' ? Kind.crossesAbove : Kind.none;
    case 'crosses_below':
      return rule.ruleType === 'crossover' ? Kind.crossesBelow : Kind.none;
    case 'percent_change_up':
      return rule.ruleType === 'rate_of_change' ? Kind.rocUp : Kind.none;
    case 'percent_change_down':
      return rule.ruleType === 'rate_of_change' ? Kind.rocDown : Kind.none;
    case 'volume_above':
      return rule.ruleType === 'volume_spike' ? Kind.volume : Kind.none;
  }
}

export function isRate(kind: Kind): boolean {
  return kind === Kind.rocUp || kind === Kind.rocDown;
}

export function windowMsOf(rule: EngineRule): number {
  return (rule.timeWindowSeconds ?? RULE_LIMITS.timeWindowSeconds.default) * 1000;
}

/**
 * Tick time at which a rule that last fired at lastMs may fire again. Both engines test
 * `ts < rearmAt` (and the re-arm heap pops at `rearmAt <= ts`), one expression, so they agree
 * to the last bit: less than cooldown since the last firing blocks, exactly cooldown allows.
 */
export function rearmAt(lastMs: number, cooldownMs: number): number {
  return lastMs + cooldownMs;
}

export function coolingDown(slot: RuleSlot, tsMs: number): boolean {
  return slot.cooldownMs > 0 && tsMs < rearmAt(slot.lastMs, slot.cooldownMs);
}

/** A fresh slot for a rule; an edit keeps the later of the stored and the given last firing. */
export function toSlot(rule: EngineRule, previous: RuleSlot | undefined): RuleSlot {
  const lastMs = Math.max(previous?.lastMs ?? -Infinity, rule.lastTriggeredMs ?? -Infinity);
  return new RuleSlot(
    rule.id,
    rule.version,
    rule.instrumentId,
    kindOf(rule),
    rule.threshold,
    windowMsOf(rule),
    rule.cooldownSeconds * 1000,
    lastMs,
  );
}
