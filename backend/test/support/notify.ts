import { DataSource } from 'typeorm';
import type { AlertListResponse, AlertRule, CreateRuleRequest, NotificationRecord } from '@tradeassist/shared-types';
import { DispatcherService } from '../../src/notifications';
import { ruleBody, tick } from './factories';
import { http, type TestApp } from './test-app';

/** Firing alerts that go to channels, and running the dispatcher, for the notification tests. */
export function notifyHelpers(t: () => TestApp) {
  let second = 0;
  return {
    /** An ES rule with these options, one tick (a second later each time) that fires it, the rule switched off again; the alert id. */
    async fire(options: Partial<CreateRuleRequest>, price = 6001.5): Promise<number> {
      const rule = await http<AlertRule>(t().baseUrl, 'POST', '/api/rules', ruleBody({ threshold: 6000, ...options }));
      second += 1;
      const timestamp = new Date(Date.parse('2026-01-15T15:00:00Z') + second * 1000).toISOString();
      await http(t().baseUrl, 'POST', '/api/market/ticks', { ticks: [tick({ price, timestamp })] });
      await http(t().baseUrl, 'PUT', `/api/rules/${rule.body.id}`, { active: false });
      return (await http<AlertListResponse>(t().baseUrl, 'GET', `/api/alerts?rule_id=${rule.body.id}`)).body.alerts[0]?.id as number;
    },

    /** Dispatcher passes, making scheduled retries due at once in between (rather than waiting their backoff). */
    async dispatchAll(passes = 4): Promise<void> {
      for (let i = 0; i < passes; i++) {
        await t().app.get(DispatcherService).runOnce();
        await t().app.get(DataSource).query("UPDATE notifications SET next_attempt_at = 0 WHERE status = 'pending'");
      }
    },

    async deliveries(alertId: number): Promise<NotificationRecord[]> {
      return (await http<NotificationRecord[]>(t().baseUrl, 'GET', `/api/alerts/${alertId}/deliveries`)).body;
    },
  };
}
