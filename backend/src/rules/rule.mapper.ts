import type { AlertRule, RuleFields } from '@tradeassist/shared-types';
import { toIso } from '../common';
import type { EngineRule } from '../engine';
import type { AlertRuleEntity } from './entities/alert-rule.entity';

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
  };
}

export function toRuleDto(e: AlertRuleEntity, symbol: string, owner: string | null): AlertRule {
  return {
    id: e.id,
    ...toRuleFields(e),
    instrument_symbol: symbol,
    last_triggered: toIso(e.lastTriggered),
    version: e.version,
    owner_id: e.ownerId,
    owner,
    created_at: toIso(e.createdAt) ?? '',
    updated_at: toIso(e.updatedAt) ?? '',
  };
}

export function toEngineRule(e: AlertRuleEntity): EngineRule {
  return {
    id: e.id,
    version: e.version,
    instrumentId: e.instrumentId,
    ruleType: e.ruleType,
    condition: e.condition,
    threshold: e.threshold,
    active: e.active,
    timeWindowSeconds: e.timeWindowSeconds,
    cooldownSeconds: e.cooldownSeconds,
    lastTriggeredMs: e.lastTriggered,
  };
}
