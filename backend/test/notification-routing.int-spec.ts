import type { ChannelSettings, InboxPage, NotificationRecord, SystemEvent, TemplatePreview } from '@tradeassist/shared-types';
import { DataSource } from 'typeorm';
import { ActionLinksService, DispatcherService, SystemWatchService } from '../src/notifications';
import { notifyHelpers } from './support/notify';
import { http, type TestApp } from './support/test-app';
import { SECRET, withWebhookApp } from './support/webhook-receiver';

const CONSOLE = 'http://console.test';

async function setPrefs(t: TestApp, channels: Record<string, unknown>, defaults = ['in_app', 'webhook']): Promise<void> {
  const res = await http(t.baseUrl, 'PUT', '/api/me/notification-preferences', { default_channels: defaults, channels, quiet_hours: null });
  expect(res.status).toBe(200);
}

/** Makes everything pending due now, as if its window had closed. */
const closeWindows = (t: TestApp): Promise<unknown> =>
  t.app.get(DataSource).query("UPDATE notifications SET next_attempt_at = 0 WHERE status = 'pending'");

describe('Channel settings (admin REST, real app)', () => {
  it('lists channels with secrets hidden, saves a strict template and custom headers, and sends with them', () =>
    withWebhookApp({}, async (t, receiver) => {
      const list = await http<ChannelSettings[]>(t.baseUrl, 'GET', '/api/notifications/channels');
      expect(list.status).toBe(200);
      expect(list.body.map((c) => c.channel)).toEqual(['slack', 'email', 'webhook', 'discord', 'telegram', 'sms']);
      const webhook = list.body.find((c) => c.channel === 'webhook');
      expect(webhook).toMatchObject({ enabled: true, unavailable: null, template: null, headers: {} });
      expect(webhook?.fields.find((f) => f.key === 'webhook_secret')).toMatchObject({
        secret: true,
        set: true,
        value: null,
        env: 'WEBHOOK_SECRET',
      });
      expect(list.body.find((c) => c.channel === 'slack')?.unavailable).toContain('SLACK_BOT_TOKEN');
      expect(JSON.stringify(list.body)).not.toContain(SECRET);

      const typo = await http<{ detail: { loc: string[]; msg: string }[] }>(t.baseUrl, 'PUT', '/api/notifications/channels/webhook', {
        template: '{{symbol}} hit {{prize}}',
      });
      expect(typo.status).toBe(422);
      expect(typo.body.detail[0]).toMatchObject({ loc: ['body', 'template'] });
      expect(typo.body.detail[0]?.msg).toContain('{{prize}} is not a template variable');
      const secret = await http<{ detail: { msg: string }[] }>(t.baseUrl, 'PUT', '/api/notifications/channels/webhook', {
        values: { webhook_secret: 'x'.repeat(20) },
      });
      expect(secret.status).toBe(422);
      expect(secret.body.detail[0]?.msg).toContain('secrets stay in the environment');
      const reserved = await http(t.baseUrl, 'PUT', '/api/notifications/channels/webhook', { headers: { 'Idempotency-Key': 'x' } });
      expect(reserved.status).toBe(422);
      expect((await http(t.baseUrl, 'PUT', '/api/notifications/channels/pager', { enabled: false })).status).toBe(404);

      const preview = await http<TemplatePreview>(t.baseUrl, 'POST', '/api/notifications/channels/webhook/preview', {
        template: '{{symbol}} at {{price}} ({{rule_name}})',
      });
      expect(preview.body).toEqual({ text: 'TEST at 101.25 (Test notification)' });

      const saved = await http<ChannelSettings>(t.baseUrl, 'PUT', '/api/notifications/channels/webhook', {
        template: '{{symbol}} at {{price}} over {{threshold}}',
        headers: { 'X-Desk': 'rates-7' },
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ template: '{{symbol}} at {{price}} over {{threshold}}', headers: { 'X-Desk': 'rates-7' } });
      const { fire, dispatchAll } = notifyHelpers(() => t);
      await fire({ channels: ['webhook'] });
      await dispatchAll(1);
      expect(receiver.received[0]?.body.text).toBe('ES at 6001.5 over 6000');
      expect(receiver.received[0]?.headers['x-desk']).toBe('rates-7');
      expect(receiver.received[0]?.validSignature).toBe(true);
    }));

  it('a switched-off channel sends nothing: its notifications go to the dead-letter list, and the failure reaches admins as a system alert', () =>
    withWebhookApp({}, async (t, receiver) => {
      await http(t.baseUrl, 'PUT', '/api/notifications/channels/webhook', { enabled: false });
      const { fire, dispatchAll, deliveries } = notifyHelpers(() => t);
      const alertId = await fire({ channels: ['in_app', 'webhook'] });
      await dispatchAll(2);
      expect(receiver.received).toHaveLength(0);
      expect((await deliveries(alertId))[0]).toMatchObject({
        status: 'dead',
        last_error: 'the webhook channel is switched off by an administrator',
      });
      const events = await http<SystemEvent[]>(t.baseUrl, 'GET', '/api/notifications/system-events');
      expect(events.body).toHaveLength(1);
      expect(events.body[0]).toMatchObject({ type: 'channel_failing', priority: 'high', title: 'webhook notifications are failing' });
      const inbox = await http<InboxPage>(t.baseUrl, 'GET', '/api/inbox');
      expect(inbox.body.items.find((i) => i.system_event_id === events.body[0]?.id)).toMatchObject({ alert_id: null, priority: 'high' });
      // A second failure within the quiet period is folded into the first.
      await fire({ channels: ['webhook'] });
      await dispatchAll(2);
      expect((await http<SystemEvent[]>(t.baseUrl, 'GET', '/api/notifications/system-events')).body).toHaveLength(1);
    }));
});

describe('Digests, runaway rules and silent channels (real app)', () => {
  it("groups a user's alerts into one message per digest window; urgent ones do not wait", () =>
    withWebhookApp({}, async (t, receiver) => {
      await setPrefs(t, { webhook: { mode: 'on', min_priority: 'low', digest_minutes: 15 } });
      const { fire, dispatchAll, deliveries } = notifyHelpers(() => t);
      const grouped = [await fire({}), await fire({}), await fire({})];
      const urgent = await fire({ priority: 'urgent' });
      await t.app.get(DispatcherService).runOnce();
      expect(receiver.received.map((r) => r.body.alert?.id)).toEqual([urgent]);
      const waiting = (await deliveries(grouped[0] as number))[0] as NotificationRecord;
      expect(waiting.status).toBe('pending');
      expect(Date.parse(waiting.next_attempt_at)).toBeGreaterThan(Date.now());
      await closeWindows(t);
      await dispatchAll(1);
      expect(receiver.received).toHaveLength(2);
      const digest = receiver.received[1];
      expect(digest?.body.type).toBe('alert.digest');
      expect(digest?.body.alerts?.map((a) => a.id)).toEqual(grouped);
      expect(digest?.body.digest).toEqual({ count: 3, window_minutes: 15, reason: 'preference' });
      expect(digest?.key).toMatch(/^digest-webhook-\d+-15m-\d+$/);
      for (const id of grouped) expect((await deliveries(id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    }));

  it('switches a rule firing too often to digests and says so, without dropping an alert', () =>
    withWebhookApp({ NOTIFY_RUNAWAY_FIRINGS: '2', NOTIFY_RUNAWAY_MINUTES: '10' }, async (t, receiver) => {
      const { dispatchAll } = notifyHelpers(() => t);
      const ids: number[] = [];
      // One rule firing five times (fire() makes a rule per call).
      const rule = await http<{ id: number }>(t.baseUrl, 'POST', '/api/rules', {
        name: 'noisy',
        instrument_id: 1,
        rule_type: 'threshold',
        condition: 'above',
        threshold: 6000,
        cooldown_seconds: 0,
        channels: ['webhook'],
      });
      expect(rule.status).toBe(201);
      const start = Date.now() - 60_000;
      for (let i = 0; i < 5; i++) {
        await http(t.baseUrl, 'POST', '/api/market/ticks', {
          ticks: [{ symbol: 'ES', price: 6001 + i, volume: 1, timestamp: new Date(start + i * 1000).toISOString() }],
        });
      }
      const alerts = await http<{ alerts: { id: number }[] }>(t.baseUrl, 'GET', `/api/alerts?rule_id=${rule.body.id}`);
      ids.push(...alerts.body.alerts.map((a) => a.id).sort((a, b) => a - b));
      expect(ids).toHaveLength(5);
      await t.app.get(DispatcherService).runOnce();
      expect(receiver.received.map((r) => r.body.type)).toEqual(['alert.fired', 'alert.fired']);
      await closeWindows(t);
      await dispatchAll(1);
      const digest = receiver.received[2];
      expect(digest?.body.digest).toEqual({ count: 3, window_minutes: 10, reason: 'runaway' });
      expect(digest?.body.alerts?.map((a) => a.id)).toEqual(ids.slice(2));
      expect(digest?.body.text).toContain('fires too often');
    }));

  it('records a silent delivery as silent, and refuses a digest window that is not offered', () =>
    withWebhookApp({}, async (t, receiver) => {
      await setPrefs(t, { webhook: { mode: 'silent', min_priority: 'low' } });
      const { fire, dispatchAll, deliveries } = notifyHelpers(() => t);
      const alertId = await fire({ channels: ['webhook'] });
      await dispatchAll(1);
      expect(receiver.received).toHaveLength(1);
      expect((await deliveries(alertId))[0]).toMatchObject({ silent: true, status: 'sent' });
      const bad = await http(t.baseUrl, 'PUT', '/api/me/notification-preferences', {
        default_channels: ['in_app'],
        channels: { webhook: { mode: 'on', min_priority: 'low', digest_minutes: 7 } },
        quiet_hours: null,
      });
      expect(bad.status).toBe(422);
      expect(JSON.stringify(bad.body)).toContain('must be one of: 0, 5, 15, 30, 60');
    }));
});

describe('Signed acknowledge and snooze links (real app)', () => {
  it('carries links in the payload that acknowledge the alert after a confirmation, and refuses tampered or stale ones', () =>
    withWebhookApp({ CONSOLE_URL: CONSOLE }, async (t, receiver) => {
      const { fire, dispatchAll } = notifyHelpers(() => t);
      const alertId = await fire({ channels: ['in_app', 'webhook'], priority: 'urgent' });
      await dispatchAll(1);
      const links = receiver.received[0]?.body.links;
      expect(links?.console).toBe(`${CONSOLE}/alerts/${alertId}`);
      const ack = (links?.acknowledge ?? '').replace(CONSOLE, t.baseUrl);
      expect(ack).toContain(`/api/alert-actions/${alertId}/acknowledge?`);
      const anonymous = { accept: 'text/html' };

      // Opening the link (a mail scanner, a preview) only asks.
      const page = await fetch(ack, { headers: anonymous });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<form method="post"');
      let inbox = await http<InboxPage>(t.baseUrl, 'GET', '/api/inbox');
      expect(inbox.body.items.find((i) => i.alert_id === alertId)?.acknowledged_at).toBeNull();

      const tampered = ack.replace(/sig=[^&]+/, 'sig=AAAA');
      expect((await fetch(tampered, { method: 'POST', headers: anonymous })).status).toBe(400);
      const otherAlert = ack.replace(`/alert-actions/${alertId}/`, `/alert-actions/${alertId + 1}/`);
      expect((await fetch(otherAlert, { method: 'POST', headers: anonymous })).status).toBe(400);

      const userId = Number(new URL(ack).searchParams.get('u'));
      const stale = t.app.get(ActionLinksService).forAlert(alertId, userId, Date.now() - 8 * 86_400_000);
      const expired = await fetch((stale?.acknowledge ?? '').replace(CONSOLE, t.baseUrl), { method: 'POST', headers: anonymous });
      expect(expired.status).toBe(410);
      expect(await expired.text()).toContain('This link has expired');

      const done = await fetch(ack, { method: 'POST', headers: anonymous });
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('Alert acknowledged');
      inbox = await http<InboxPage>(t.baseUrl, 'GET', '/api/inbox');
      expect(inbox.body.items.find((i) => i.alert_id === alertId)?.acknowledged_at).not.toBeNull();

      const snooze = await fetch((links?.snooze ?? '').replace(CONSOLE, t.baseUrl), { method: 'POST', headers: anonymous });
      expect(snooze.status).toBe(200);
      inbox = await http<InboxPage>(t.baseUrl, 'GET', '/api/inbox');
      const snoozedUntil = Date.parse(inbox.body.items.find((i) => i.alert_id === alertId)?.snoozed_until ?? '');
      expect(snoozedUntil - Date.now()).toBeGreaterThan(59 * 60_000);
    }));
});

describe('System alerts from the watch (real app)', () => {
  it('tells admins when the feed goes quiet and comes back, and when storage runs low', () =>
    withWebhookApp({ STORAGE_LOW_MB: '100' }, async (t, receiver) => {
      await setPrefs(t, {});
      const watch = t.app.get(SystemWatchService);
      await http(t.baseUrl, 'POST', '/api/market/ticks', { ticks: [{ symbol: 'ES', price: 6000, volume: 1 }] });
      await watch.check(Date.now(), 10 * 1_048_576);
      await watch.check(Date.now() + 3_600_000, 10 * 1_048_576);
      await http(t.baseUrl, 'POST', '/api/market/ticks', { ticks: [{ symbol: 'ES', price: 6001, volume: 1 }] });
      await watch.check(Date.now(), 10 * 1_048_576);
      const events = (await http<SystemEvent[]>(t.baseUrl, 'GET', '/api/notifications/system-events')).body;
      expect(events.map((e) => e.type)).toEqual(['feed_restored', 'feed_down', 'storage_low']);
      expect(events[2]?.body).toContain('10 MB free');
      await t.app.get(DispatcherService).runOnce();
      expect(receiver.received.map((r) => r.body.type).sort()).toEqual(['system.feed_down', 'system.feed_restored', 'system.storage_low']);
      expect(receiver.received.find((r) => r.body.type === 'system.feed_down')?.body.system?.title).toBe('The market feed is down');
    }));
});

describe('Replay to another channel (real app)', () => {
  it('settles the original as replayed and takes it off the dead-letter list', () =>
    withWebhookApp({}, async (t) => {
      const { fire, dispatchAll, deliveries } = notifyHelpers(() => t);
      const alertId = await fire({ channels: ['slack'] });
      await dispatchAll(1);
      const dead = (await deliveries(alertId))[0] as NotificationRecord;
      expect(dead.status).toBe('dead');
      const replay = await http<NotificationRecord>(t.baseUrl, 'POST', `/api/notifications/${dead.id}/replay`, { channel: 'webhook' });
      expect(replay.body).toMatchObject({ channel: 'webhook', status: 'pending' });
      await dispatchAll(1);
      expect((await deliveries(alertId)).map((d) => [d.channel, d.status])).toEqual([
        ['slack', 'replayed'],
        ['webhook', 'sent'],
      ]);
      const again = await http<{ code: string; message: string }>(t.baseUrl, 'POST', `/api/notifications/${dead.id}/replay`, {});
      expect(again.status).toBe(409);
      expect(again.body.message).toBe(`Notification ${dead.id} is replayed; only dead-letter notifications can be replayed`);
      const list = await http<NotificationRecord[]>(t.baseUrl, 'GET', '/api/notifications/dead-letter');
      expect(list.body.find((d) => d.id === dead.id)).toBeUndefined();
    }));
});
