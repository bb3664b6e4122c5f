import type { ErrorBody, NotificationPreferences } from '@tradeassist/shared-types';
import { notifyHelpers } from './support/notify';
import { http, startTestApp, type TestApp } from './support/test-app';

describe('Notification preferences: /api/me/notification-preferences and routing (real app)', () => {
  let t: TestApp;
  const { fire, deliveries } = notifyHelpers(() => t);
  const put = (body: unknown) => http<NotificationPreferences | ErrorBody>(t.baseUrl, 'PUT', '/api/me/notification-preferences', body);

  beforeAll(async () => {
    t = await startTestApp({ NOTIFY_DISPATCH_INTERVAL_MS: '60000' });
  });
  afterAll(() => t.close());

  it('starts from the defaults and refuses settings it cannot follow', async () => {
    const initial = await http<NotificationPreferences>(t.baseUrl, 'GET', '/api/me/notification-preferences');
    expect(initial.body).toEqual({ default_channels: ['in_app', 'sound'], channels: {}, quiet_hours: null });
    const bad = await put({
      default_channels: ['in_app', 'pager'],
      channels: { slack: { mode: 'loud', min_priority: 'low' }, fax: { mode: 'on', min_priority: 'low' } },
      quiet_hours: { start: '22:00', end: '22:00', timezone: 'Moon/Base' },
    });
    expect(bad.status).toBe(422);
    expect(((bad.body as ErrorBody).detail as { loc: (string | number)[] }[]).map((d) => d.loc.join('.'))).toEqual([
      'body.default_channels.1',
      'body.channels.slack.mode',
      'body.channels.fax',
      'body.quiet_hours.end',
      'body.quiet_hours.timezone',
    ]);
  });

  it('routes alerts of rules without channels to the defaults, minus what is off or below its minimum', async () => {
    const saved = await put({
      default_channels: ['in_app', 'webhook', 'slack'],
      channels: { slack: { mode: 'on', min_priority: 'urgent' } },
      quiet_hours: null,
    });
    expect(saved.status).toBe(200);
    const normal = await fire({});
    expect((await deliveries(normal)).map((d) => d.channel)).toEqual(['webhook']);
    const urgent = await fire({ priority: 'urgent' });
    expect((await deliveries(urgent)).map((d) => d.channel)).toEqual(['webhook', 'slack']);
    await put({ default_channels: ['in_app', 'webhook'], channels: { webhook: { mode: 'off', min_priority: 'low' } }, quiet_hours: null });
    expect(await deliveries(await fire({}))).toEqual([]);
  });

  it('holds everything but the notification center during quiet hours, unless urgent', async () => {
    // A quiet window around now, in UTC.
    const now = new Date();
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const start = hhmm(new Date(now.getTime() - 60 * 60_000));
    const end = hhmm(new Date(now.getTime() + 60 * 60_000));
    await put({ default_channels: ['in_app', 'webhook'], channels: {}, quiet_hours: { start, end, timezone: 'UTC' } });
    expect(await deliveries(await fire({}))).toEqual([]);
    expect((await deliveries(await fire({ priority: 'urgent' }))).map((d) => d.channel)).toEqual(['webhook']);
  });
});
