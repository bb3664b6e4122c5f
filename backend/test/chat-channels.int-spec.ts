import type { IncomingMessage, ServerResponse } from 'node:http';
import { DispatcherService } from '../src/notifications';
import { FakeServer } from './support/fake-server';
import { notifyHelpers } from './support/notify';
import { http, startTestApp, type TestApp } from './support/test-app';

const BOT_TOKEN = '123456:telegram-test-token-abc';

interface Request {
  path: string;
  body: Record<string, unknown>;
}

/** Fake Discord webhooks and Telegram Bot API on one local HTTP server, with scripted answers per path prefix. */
class FakeChat extends FakeServer {
  readonly requests: Request[] = [];
  readonly answers: { discord: [number, object][]; telegram: [number, object][] } = { discord: [], telegram: [] };

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const path = req.url ?? '';
    this.requests.push({ path, body: JSON.parse(raw) as Record<string, unknown> });
    const discord = path.startsWith('/api/webhooks/');
    const [status, body] =
      (discord ? this.answers.discord : this.answers.telegram).shift() ??
      (discord ? [200, { id: '1', type: 0 }] : [200, { ok: true, result: { message_id: 1 } }]);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

describe('Discord and Telegram channels against local fakes of their APIs (real app)', () => {
  let t: TestApp;
  const chat = new FakeChat();

  beforeAll(async () => {
    const base = await chat.start();
    t = await startTestApp({
      DISCORD_WEBHOOK_URL: `${base}/api/webhooks/1/secret-part`,
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_CHAT_ID: '-1001234',
      TELEGRAM_API_URL: base,
      NOTIFY_ALLOW_PRIVATE_TARGETS: 'true',
      NOTIFY_DISPATCH_INTERVAL_MS: '60000',
      // Budgets have their own test; here they would hold back the later tests' sends.
      NOTIFY_RATE_LIMITS: 'discord=6000,telegram=6000',
    });
  });
  afterAll(async () => {
    await t.close();
    await chat.close();
  });

  const { fire: fireWith, dispatchAll, deliveries } = notifyHelpers(() => t);
  const fire = (channels: ('discord' | 'telegram')[]) => fireWith({ channels, priority: 'high', name: 'ES <breakout>' }, 6002);

  it('posts a Discord embed coloured by priority and a Telegram HTML message, escaped', async () => {
    const alertId = await fire(['discord', 'telegram']);
    await dispatchAll();
    const discord = chat.requests.find((r) => r.path.startsWith('/api/webhooks/'));
    expect(discord?.path).toBe('/api/webhooks/1/secret-part?wait=true');
    expect(discord?.body).toMatchObject({
      username: 'TradeAssist',
      embeds: [
        {
          title: 'ES: ES is above 6000 at 6002',
          color: 0xf59e0b,
          fields: expect.arrayContaining([{ name: 'Rule', value: 'ES <breakout> (v1)', inline: true }]) as unknown,
        },
      ],
    });
    const telegram = chat.requests.find((r) => r.path.includes('/sendMessage'));
    expect(telegram?.path).toBe(`/bot${BOT_TOKEN}/sendMessage`);
    expect(telegram?.body).toMatchObject({ chat_id: '-1001234', parse_mode: 'HTML' });
    expect(telegram?.body['text']).toBe(
      ':warning: ES ES is above 6000 at 6002\nValue: 6002\nThreshold: 6000\nRule: ES &lt;breakout&gt; (v1)\nPriority: high',
    );
    expect((await deliveries(alertId)).map((d) => [d.channel, d.status])).toEqual([
      ['discord', 'sent'],
      ['telegram', 'sent'],
    ]);
  });

  it('waits as long as Discord asks (retry_after in the body) and stops on a Telegram refusal, without leaking the token', async () => {
    chat.answers.discord.push([429, { message: 'You are being rate limited.', retry_after: 9.5, global: false }]);
    chat.answers.telegram.push([400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' }]);
    const alertId = await fire(['discord', 'telegram']);
    await t.app.get(DispatcherService).runOnce();
    const [discord, telegram] = await deliveries(alertId);
    expect(discord).toMatchObject({ status: 'pending', last_error: 'Discord answered 429' });
    expect(Date.parse(discord?.next_attempt_at ?? '') - Date.now()).toBeGreaterThan(8500);
    expect(telegram).toMatchObject({ status: 'dead', last_error: 'Telegram refused the message: Bad Request: chat not found' });
    await dispatchAll();
    expect((await deliveries(alertId))[0]?.status).toBe('sent');
    expect(t.logs.some((l) => l.includes('telegram-test-token'))).toBe(false);
  });

  it('delivers without a ping on a silent channel: Discord SUPPRESS_NOTIFICATIONS, Telegram disable_notification', async () => {
    const prefs = { mode: 'silent', min_priority: 'low' };
    await http(t.baseUrl, 'PUT', '/api/me/notification-preferences', {
      default_channels: ['in_app'],
      channels: { discord: prefs, telegram: prefs },
      quiet_hours: null,
    });
    const before = chat.requests.length;
    await fire(['discord', 'telegram']);
    await dispatchAll(1);
    const sent = chat.requests.slice(before);
    // The last of each: the previous test may leave a retry that goes out in this pass.
    expect(sent.filter((r) => r.path.startsWith('/api/webhooks/')).at(-1)?.body['flags']).toBe(4096);
    expect(sent.filter((r) => r.path.includes('/sendMessage')).at(-1)?.body['disable_notification']).toBe(true);
    await http(t.baseUrl, 'PUT', '/api/me/notification-preferences', { default_channels: ['in_app'], channels: {}, quiet_hours: null });
  });
});
