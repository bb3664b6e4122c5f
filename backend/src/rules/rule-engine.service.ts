import { Injectable } from '@nestjs/common';
import { RuleEngine, type EngineTick, type Firing, type RearmState } from '../engine';
import type { RuleOptions } from '@tradeassist/shared-types';
import { InstrumentsService } from '../market';
import type { AlertRuleEntity } from './entities/alert-rule.entity';
import { toEngineRule, withDefaults } from './rule.mapper';

export interface RuleSnapshot {
  instrumentId: number;
  name: string | null;
  ruleType: AlertRuleEntity['ruleType'];
  condition: AlertRuleEntity['condition'];
  timeWindowSeconds: number | null;
  options: RuleOptions;
  /** Who gets its notifications. */
  ownerId: number | null;
}

/**
 * Hosts the pure RuleEngine inside Nest: holds the live rule set, applies edits so they take
 * effect on the next tick, and keeps the descriptive fields a firing record needs.
 */
@Injectable()
export class RuleEngineService {
  private readonly engine = new RuleEngine();
  private readonly snapshots = new Map<number, RuleSnapshot>();

  constructor(private readonly instruments: InstrumentsService) {
    instruments.events.on('timezone', (instrumentId, timezone) => this.engine.setTimezone(instrumentId, timezone));
  }

  /** At boot: the instruments' last prices and timezones, then every rule with its persisted firing state. */
  load(rules: AlertRuleEntity[]): void {
    for (const instrument of this.instruments.active()) {
      this.engine.seedInstrument(instrument.id, instrument.lastPrice, instrument.lastTick);
    }
    for (const instrument of this.instruments.list()) this.engine.setTimezone(instrument.id, instrument.timezone);
    for (const rule of rules) {
      this.apply(rule);
      if (rule.rearmPrice !== null) this.engine.restoreDisarmed(rule.id, rule.rearmPrice);
    }
  }

  apply(rule: AlertRuleEntity): void {
    this.engine.upsertRule(toEngineRule(rule));
    this.snapshots.set(rule.id, {
      instrumentId: rule.instrumentId,
      name: rule.name,
      ruleType: rule.ruleType,
      condition: rule.condition,
      timeWindowSeconds: rule.timeWindowSeconds,
      options: withDefaults(rule.options),
      ownerId: rule.ownerId,
    });
  }

  remove(ruleId: number): void {
    this.engine.removeRule(ruleId);
    this.snapshots.delete(ruleId);
  }

  /** Hot path: appends firings to out; returns their count or LATE. */
  evaluate(tick: EngineTick, out: Firing[]): number {
    return this.engine.evaluate(tick, out);
  }

  /** Hysteresis changes since the last call, for RearmStore.save. */
  takeRearmChanges(): RearmState[] {
    return this.engine.takeRearmChanges();
  }

  snapshot(ruleId: number): RuleSnapshot | undefined {
    return this.snapshots.get(ruleId);
  }

  ruleIdsOf(instrumentId: number): number[] {
    return [...this.snapshots].filter(([, s]) => s.instrumentId === instrumentId).map(([id]) => id);
  }

  get ruleCount(): number {
    return this.snapshots.size;
  }
}
