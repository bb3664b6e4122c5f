import { BAR_INTERVAL_MS, DEFAULT_RULE_OPTIONS, type AlertRule, type RuleFields, type RuleOptions } from '@tradeassist/shared-types';
import { toIso } from '../common';
import type { EngineRule, EngineRuleOptions } from '../engine';
import type { AlertRuleEntity } from './entities/alert-rule.entity';
import type { RuleSnapshot } from './rule-engine.service';

export function toRuleFields(e: AlertRuleEntity): RuleFields {
  return {
    instrument_id: e.instrumentId,
    rule_type: e.ruleType,
    condition: e.condition,
    threshold: e.threshold,
    active: e.active,
    name: e.name,
    description: e.description,
    time_window_seconds: e.timeWindowSeconds,
    moving_average_period: e.movingAveragePeriod,
    cooldown_seconds: e.cooldownSeconds,
    ...withDefaults(e.options),
  };
}

/** Stored options (or a version's definition from before options existed) completed with the defaults. */
export function withDefaults(options: Partial<RuleOptions> | null | undefined): RuleOptions {
  return { ...DEFAULT_RULE_OPTIONS, ...options };
}

/** The options part of a rule's fields, as stored. */
export function optionsOf(f: RuleFields): RuleOptions {
  return {
    subject: f.subject,
    against: f.against,
    conditions: f.conditions,
    trigger_mode: f.trigger_mode,
    bar_interval: f.bar_interval,
    price_source: f.price_source,
    rearm: f.rearm,
    expires_at: f.expires_at,
    session: f.session,
    priority: f.priority,
    channels: f.channels,
    sound: f.sound,
    message_template: f.message_template,
  };
}

export function toRuleDto(e: AlertRuleEntity, symbol: string, owner: string | null, firesToday: number): AlertRule {
  return {
    id: e.id,
    ...toRuleFields(e),
    instrument_symbol: symbol,
    last_triggered: toIso(e.lastTriggered),
    fires_today: firesToday,
    version: e.version,
    owner_id: e.ownerId,
    owner,
    created_at: toIso(e.createdAt) ?? '',
    updated_at: toIso(e.updatedAt) ?? '',
  };
}

export function toEngineRule(e: AlertRuleEntity): EngineRule {
  return engineRuleOf(e.id, e.version, toRuleFields(e), e.lastTriggered);
}

/** The engine's view of a rule's fields (saved or not: a backtest runs unsaved ones). */
export function engineRuleOf(id: number, version: number, f: RuleFields, lastTriggeredMs: number | null): EngineRule {
  return {
    id,
    version,
    instrumentId: f.instrument_id,
    ruleType: f.rule_type,
    condition: f.condition,
    threshold: f.threshold,
    active: f.active,
    timeWindowSeconds: f.time_window_seconds,
    cooldownSeconds: f.cooldown_seconds,
    lastTriggeredMs,
    options: toEngineOptions(optionsOf(f)),
  };
}

export function toEngineOptions(o: RuleOptions): EngineRuleOptions {
  return {
    subject: o.subject,
    against: o.against,
    conditions: o.conditions,
    mode: o.trigger_mode,
    barMs: BAR_INTERVAL_MS[o.bar_interval],
    source: o.price_source,
    rearm: o.rearm && { by: o.rearm.by, percent: o.rearm.unit === 'percent' },
    expiresAtMs: o.expires_at === null ? null : Date.parse(o.expires_at),
    session: o.session,
  };
}

/** What a firing's alert reads of its rule (name, kind, options, owner): of a saved rule, or of an unsaved one a backtest runs. */
export function snapshotOf(f: RuleFields, ownerId: number | null): RuleSnapshot {
  return {
    instrumentId: f.instrument_id,
    name: f.name,
    ruleType: f.rule_type,
    condition: f.condition,
    timeWindowSeconds: f.time_window_seconds,
    options: optionsOf(f),
    ownerId,
  };
}
