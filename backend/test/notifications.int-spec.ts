import { type AlertListResponse, type AlertRule, type NotificationMetrics, type NotificationRecord } from '@tradeassist/shared-types';
import { DataSource } from 'typeorm';
import { DispatcherService } from '../src/notifications';
import { ruleBody, tick } from './support/factories';
import { Receiver, SECRET, withWebhookApp } from './support/webhook-receiver';
import { notifyHelpers } from './support/notify';
import { http, startTestApp, type TestApp } from './support/test-app';

describe('Notifications: outbox, signed webhook, retries, dead letters (real app, real HTTP receiver)', () => {
  let t: TestApp;
  const receiver = new Receiver();
  let dispatcher: DispatcherService;
  let second = 0;

  beforeAll(async () => {
    const url = `${await receiver.start()}/hook`;
    t = await startTestApp({
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: SECRET,
      NOTIFY_ALLOW_PRIVATE_TARGETS: 'true',
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_DISPATCH_INTERVAL_MS: '60000',
    });
    dispatcher = t.app.get(DispatcherService);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  /** A webhook rule on ES and one tick that fires it; returns the alert id. */
  async function fireOnce(): Promise<number> {
    const rule = await http<AlertRule>(t.baseUrl, 'POST', '/api/rules', ruleBody({ threshold: 6000, channels: ['in_app', 'webhook'] }));
    second += 1;
    await http(t.baseUrl, 'POST', '/api/market/ticks', {
      ticks: [tick({ price: 6001, timestamp: new Date(Date.parse('2026-01-15T15:00:00Z') + second * 1000).toISOString() })],
    });
    await http(t.baseUrl, 'PUT', `/api/rules/${rule.body.id}`, { active: false });
    const list = await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${rule.body.id}`);
    return list.body.alerts[0]?.id as number;
  }

  const deliveries = async (alertId: number) =>
    (await http<NotificationRecord[]>(t.baseUrl, 'GET', `/api/alerts/${alertId}/deliveries`)).body;

  /** Runs the dispatcher until nothing of this alert is due (retries are made due at once). */
  async function drain(alertId: number): Promise<void> {
    for (let i = 0; i < 10; i++) {
      await dispatcher.runOnce();
      const pending = (await deliveries(alertId)).filter((d) => d.status === 'pending');
      if (pending.length === 0) return;
      // Make the scheduled retries due now rather than wait for their backoff.
      await t.app
        .get(DataSource)
        .query('UPDATE notifications SET next_attempt_at = 0 WHERE alert_id = ? AND status = ?', [alertId, 'pending']);
    }
  }

  it('writes the outbox with the alert and delivers a signed webhook once, with its idempotency key', async () => {
    const alertId = await fireOnce();
    const [row] = await deliveries(alertId);
    expect(row).toMatchObject({ channel: 'webhook', status: 'pending', attempts: 0, idempotency_key: `alert-${alertId}-webhook-1` });
    expect((await http<{ delivery_status: string }>(t.baseUrl, 'GET', `/api/alerts/${alertId}`)).body.delivery_status).toBe('pending');
    await drain(alertId);
    const mine = receiver.received.filter((r) => r.body.alert.id === alertId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      key: `alert-${alertId}-webhook-1`,
      validSignature: true,
      body: { type: 'alert.fired', alert: { trigger_value: 6001 } },
    });
    const [sent] = await deliveries(alertId);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    const alert = await http<{ delivery_status: string }>(t.baseUrl, 'GET', `/api/alerts/${alertId}`);
    expect(alert.body.delivery_status).toBe('all_delivered');
    expect(sent?.history).toEqual([expect.objectContaining({ ok: true, status_code: 200, error: null })]);
  });

  it('retries a 5xx and a 429, then succeeds; every attempt is recorded', async () => {
    receiver.answers = [503, 429];
    const alertId = await fireOnce();
    await drain(alertId);
    const [row] = await deliveries(alertId);
    expect(row?.status).toBe('sent');
    expect(row?.history.map((h) => [h.ok, h.status_code])).toEqual([
      [false, 503],
      [false, 429],
      [true, 200],
    ]);
    // Same key on every attempt: the receiver can tell a retry from a new alert.
    expect(new Set(receiver.received.filter((r) => r.body.alert.id === alertId).map((r) => r.key)).size).toBe(1);
  });

  it('moves to the dead-letter list after the last attempt, or at once on a 4xx, and replays from there', async () => {
    receiver.answers = [500, 500, 500];
    const exhausted = await fireOnce();
    await drain(exhausted);
    expect((await deliveries(exhausted))[0]).toMatchObject({ status: 'dead', attempts: 3, last_error: 'receiver answered 500' });
    expect((await http<{ delivery_status: string }>(t.baseUrl, 'GET', `/api/alerts/${exhausted}`)).body.delivery_status).toBe('failed');

    receiver.answers = [400];
    const refused = await fireOnce();
    await drain(refused);
    expect((await deliveries(refused))[0]).toMatchObject({ status: 'dead', attempts: 1, last_error: 'receiver answered 400' });

    const dead = await http<NotificationRecord[]>(t.baseUrl, 'GET', '/api/notifications/dead-letter');
    expect(dead.body.map((d) => d.alert_id)).toEqual(expect.arrayContaining([exhausted, refused]));
    const id = (await deliveries(refused))[0]?.id as number;
    const replay = await http<NotificationRecord>(t.baseUrl, 'POST', `/api/notifications/${id}/replay`, {});
    expect(replay.body).toMatchObject({ status: 'pending', attempts: 0 });
    await drain(refused);
    expect((await deliveries(refused))[0]?.status).toBe('sent');
    const again = await http(t.baseUrl, 'POST', `/api/notifications/${id}/replay`, {});
    expect(again.status).toBe(409);
  });

  it("test-sends a sample alert through a channel and returns the receiver's answer", async () => {
    const before = receiver.received.length;
    const ok = await http<{ ok: boolean; status_code: number }>(t.baseUrl, 'POST', '/api/notifications/test', { channel: 'webhook' });
    expect(ok.body).toEqual({ channel: 'webhook', ok: true, status_code: 200, error: null });
    expect(receiver.received.length - before).toBe(1);
    expect(receiver.received.at(-1)).toMatchObject({ validSignature: true, body: { alert: { instrument_symbol: 'TEST' } } });
    receiver.answers = [500];
    const failing = await http(t.baseUrl, 'POST', '/api/notifications/test', { channel: 'webhook' });
    expect(failing.body).toEqual({ channel: 'webhook', ok: false, status_code: 500, error: 'receiver answered 500' });
    const unconfigured = await http(t.baseUrl, 'POST', '/api/notifications/test', { channel: 'slack' });
    expect(unconfigured.body).toEqual({
      channel: 'slack',
      ok: false,
      status_code: null,
      error: 'the slack channel is not configured (SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL)',
    });
  });

  it('reports per-channel delivery metrics from the attempts', async () => {
    const res = await http<NotificationMetrics>(t.baseUrl, 'GET', '/api/metrics/notifications');
    expect(res.status).toBe(200);
    const webhook = res.body.channels['webhook'];
    // So far: 1 + 3 + 3 + 2 attempts (the replay included), of which 2 + 3 + 1 failed.
    expect(webhook).toMatchObject({ sent: 3, dead: 1, pending: 0, attempts: 9, failed_attempts: 6 });
    expect(webhook?.success_rate).toBeCloseTo(3 / 9, 4);
    expect(webhook?.latency_ms.p50).toBeGreaterThan(0);
    expect(webhook?.latency_ms.p99).toBeGreaterThanOrEqual(webhook?.latency_ms.p95 ?? Infinity);
  });

  it('a channel that is not configured goes to the dead-letter list, saying so', async () => {
    const rule = await http<AlertRule>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ instrument_id: 2, threshold: 100, channels: ['slack', 'sms'], priority: 'urgent' }),
    );
    await http(t.baseUrl, 'POST', '/api/market/ticks', { ticks: [tick({ symbol: 'NQ', price: 101, timestamp: '2026-01-15T15:30:00Z' })] });
    const alertId = (await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${rule.body.id}`)).body.alerts[0]?.id as number;
    await dispatcher.runOnce();
    expect((await deliveries(alertId)).map((d) => [d.channel, d.status, d.last_error])).toEqual([
      ['slack', 'dead', 'the slack channel is not configured (SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL)'],
      ['sms', 'dead', 'the sms channel is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM)'],
    ]);
  });
});

describe('The per-channel send budget (real app)', () => {
  it('sends what the budget allows and makes the rest wait, without counting an attempt', () =>
    withWebhookApp({ NOTIFY_RATE_LIMITS: 'webhook=6' }, async (t, receiver) => {
      const { fire, deliveries } = notifyHelpers(() => t);
      const alerts = [await fire({ channels: ['webhook'] }), await fire({ channels: ['webhook'] }), await fire({ channels: ['webhook'] })];
      await t.app.get(DispatcherService).runOnce();
      const rows = (await Promise.all(alerts.map((a) => deliveries(a)))).map((r) => r[0]);
      expect(rows.map((r) => [r?.status, r?.attempts])).toEqual([
        ['sent', 1],
        ['pending', 0],
        ['pending', 0],
      ]);
      // 6 a minute: the next send is allowed about 10 s later.
      const wait = Date.parse(rows[1]?.next_attempt_at ?? '') - Date.now();
      expect(wait).toBeGreaterThan(8000);
      expect(wait).toBeLessThanOrEqual(10_000);
      expect(receiver.received).toHaveLength(1);
    }));
});

describe('Escalation of unacknowledged urgent alerts (real app)', () => {
  it('sends an urgent alert nobody acknowledged in time to the escalation channel, once; an acknowledged one stays put', () =>
    withWebhookApp({ ESCALATION_CHANNEL: 'webhook', ESCALATION_MINUTES: '5' }, async (t, receiver) => {
      const { fire, deliveries } = notifyHelpers(() => t);
      const ignored = await fire({ channels: ['in_app'], priority: 'urgent' });
      const seen = await fire({ channels: ['in_app'], priority: 'urgent' });
      const normal = await fire({ channels: ['in_app'], priority: 'high' });
      const dispatcher = t.app.get(DispatcherService);
      await dispatcher.runOnce();
      expect(await deliveries(ignored)).toEqual([]);
      // Six minutes pass; one of the two urgent alerts was acknowledged meanwhile.
      const db = t.app.get(DataSource);
      await db.query('UPDATE inbox SET created_at = created_at - 360000');
      const seenEntry = (await db.query<{ id: number }[]>('SELECT id FROM inbox WHERE alert_id = ?', [seen]))[0];
      await http(t.baseUrl, 'POST', `/api/inbox/${seenEntry?.id}/acknowledge`, {});
      await dispatcher.runOnce();
      await dispatcher.runOnce();
      expect((await deliveries(ignored)).map((d) => [d.channel, d.status, d.idempotency_key])).toEqual([
        ['webhook', 'sent', `alert-${ignored}-webhook-1-escalated`],
      ]);
      expect(await deliveries(seen)).toEqual([]);
      expect(await deliveries(normal)).toEqual([]);
      expect(receiver.received.filter((r) => r.body.alert.id === ignored)).toHaveLength(1);
    }));
});

describe('The SSRF guard (real app, private targets not allowed)', () => {
  it('refuses a webhook to a loopback address and keeps it in the dead-letter list', async () => {
    const receiver = new Receiver();
    const url = `${await receiver.start()}/hook`.replace('http:', 'https:');
    const t = await startTestApp({ WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET, NOTIFY_DISPATCH_INTERVAL_MS: '60000' });
    try {
      const rule = await http<AlertRule>(t.baseUrl, 'POST', '/api/rules', ruleBody({ threshold: 6000, channels: ['webhook'] }));
      await http(t.baseUrl, 'POST', '/api/market/ticks', { ticks: [tick({ price: 6001 })] });
      const alertId = (await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${rule.body.id}`)).body.alerts[0]?.id as number;
      await t.app.get(DispatcherService).runOnce();
      const [row] = (await http<NotificationRecord[]>(t.baseUrl, 'GET', `/api/alerts/${alertId}/deliveries`)).body;
      expect(row).toMatchObject({
        status: 'dead',
        last_error: 'webhook URL resolves to a private, loopback or link-local address (127.0.0.1); refused',
      });
      expect(receiver.received).toHaveLength(0);
    } finally {
      await t.close();
      await receiver.close();
    }
  });
});
