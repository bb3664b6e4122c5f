import type { AlertDetail } from '@tradeassist/shared-types';
import { templateContext } from './channel-template';

/** What a test send and a template preview carry: an alert that says it is a test. */
export function sampleAlert(now = new Date().toISOString()): AlertDetail {
  return {
    id: 0,
    timestamp: now,
    rule_id: 0,
    rule_version: 1,
    rule_name: 'Test notification',
    instrument_id: 0,
    instrument_symbol: 'TEST',
    trigger_value: 101.25,
    threshold_value: 100,
    fired_status: 'fired',
    delivery_status: 'pending',
    rule_condition: 'above',
    rule_type: 'threshold',
    evaluation_time_ms: 0,
    alert_message: 'This is a test notification from TradeAssist',
    explanation: null,
    rule_definition: null,
  };
}

/** Every template variable with a value, so a template checked against it shows every mistake. */
export function sampleContext(): ReturnType<typeof templateContext> {
  return templateContext(sampleAlert(), 'normal', 'https://tradeassist.example/alerts/0', {
    acknowledge: 'https://tradeassist.example/api/alert-actions/0/acknowledge?sig=…',
    snooze: 'https://tradeassist.example/api/alert-actions/0/snooze?sig=…',
  });
}
