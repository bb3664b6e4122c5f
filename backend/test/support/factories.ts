import type { CreateRuleRequest, TickInput } from '@tradeassist/shared-types';

/** Rule bodies with overridable defaults: ES (id 1 in the seed) above 6000, no cooldown. */
export function ruleBody(overrides: Partial<CreateRuleRequest> = {}): CreateRuleRequest {
  return {
    instrument_id: 1,
    rule_type: 'threshold',
    condition: 'above',
    threshold: 6000,
    name: 'ES above 6000',
    cooldown_seconds: 0,
    ...overrides,
  };
}

export function tick(overrides: Partial<TickInput> = {}): TickInput {
  return { symbol: 'ES', price: 6001, volume: 1, timestamp: '2026-01-15T14:30:00.000Z', ...overrides };
}
