import type { IncomingMessage, ServerResponse } from 'node:http';
import { DispatcherService } from '../src/notifications';
import { FakeServer } from './support/fake-server';
import { notifyHelpers } from './support/notify';
import { startTestApp, type TestApp } from './support/test-app';

interface Posted {
  authorization: string | undefined;
  channel: string;
  text: string;
  attachments: { color: string; blocks: { type: string; text?: { text: string }; fields?: { text: string }[] }[] }[];
}

/** A fake Slack Web API: chat.postMessage as the real one answers it, with scripted failures. */
class FakeSlack extends FakeServer {
  readonly posted: Posted[] = [];
  answers: ('ok' | 'ratelimited' | 'error500' | 'channel_not_found')[] = [];

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    if (req.url !== '/api/chat.postMessage') {
      res.writeHead(404).end();
      return;
    }
    // The client sends form fields, with objects as JSON strings.
    const form = new URLSearchParams(raw);
    const answer = this.answers.shift() ?? 'ok';
    if (answer === 'ratelimited' || answer === 'error500') {
      res.writeHead(answer === 'ratelimited' ? 429 : 500, answer === 'ratelimited' ? { 'retry-after': '7' } : {}).end();
      return;
    }
    this.posted.push({
      authorization: req.headers.authorization,
      channel: form.get('channel') ?? '',
      text: form.get('text') ?? '',
      attachments: JSON.parse(form.get('attachments') ?? '[]') as Posted['attachments'],
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        answer === 'ok' ? { ok: true, channel: 'C123', ts: `1700000000.${this.posted.length}` } : { ok: false, error: answer },
      ),
    );
  }
}

describe('Slack channel: @slack/web-api against a fake Slack Web API (real app)', () => {
  let t: TestApp;
  const slack = new FakeSlack();

  beforeAll(async () => {
    t = await startTestApp({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_CHANNEL: 'C123',
      SLACK_API_URL: `${await slack.start()}/api/`,
      CONSOLE_URL: 'http://localhost:3000',
      NOTIFY_DISPATCH_INTERVAL_MS: '60000',
    });
  });
  afterAll(async () => {
    await t.close();
    await slack.close();
  });

  const { fire: fireWith, dispatchAll, deliveries } = notifyHelpers(() => t);
  const fire = (priority: 'normal' | 'urgent') => fireWith({ channels: ['slack'], priority, name: 'ES breakout' });

  it('posts Block Kit coloured by priority, with the bot token, to the configured channel', async () => {
    const alertId = await fire('urgent');
    await dispatchAll();
    expect(slack.posted).toHaveLength(1);
    const [post] = slack.posted;
    expect(post?.authorization).toBe('Bearer xoxb-test-token');
    expect(post?.channel).toBe('C123');
    expect(post?.text).toBe(':rotating_light: *ES* ES is above 6000 at 6001.5');
    expect(post?.attachments[0]?.color).toBe('#ef4444');
    const fields = post?.attachments[0]?.blocks[1]?.fields?.map((f) => f.text);
    expect(fields).toEqual(['*Value*\n6001.5', '*Threshold*\n6000', '*Rule*\nES breakout (v1)', '*Priority*\nurgent']);
    expect(post?.attachments[0]?.blocks[2]).toMatchObject({ type: 'context' });
    expect(JSON.stringify(post?.attachments[0]?.blocks[2])).toContain(`http://localhost:3000/alerts/${alertId}|open in TradeAssist`);
    expect((await deliveries(alertId))[0]).toMatchObject({ channel: 'slack', status: 'sent', attempts: 1 });
  });

  it('honours a 429 with Retry-After and retries a 500, then delivers once', async () => {
    slack.answers = ['ratelimited', 'error500'];
    const before = slack.posted.length;
    const alertId = await fire('normal');
    await t.app.get(DispatcherService).runOnce();
    const [afterLimit] = await deliveries(alertId);
    // Not before the 7 s Slack asked for.
    expect(Date.parse(afterLimit?.next_attempt_at ?? '') - Date.now()).toBeGreaterThan(6000);
    await dispatchAll();
    const [row] = await deliveries(alertId);
    expect(row?.status).toBe('sent');
    expect(row?.history.map((h) => h.status_code)).toEqual([429, 500, 200]);
    expect(slack.posted.length - before).toBe(1);
    expect(slack.posted.at(-1)?.attachments[0]?.color).toBe('#3b82f6');
  });

  it('a refusal from Slack (channel_not_found) goes to the dead-letter list at once', async () => {
    slack.answers = ['channel_not_found'];
    const alertId = await fire('normal');
    await dispatchAll();
    expect((await deliveries(alertId))[0]).toMatchObject({
      status: 'dead',
      attempts: 1,
      last_error: 'Slack refused the message: channel_not_found',
    });
  });
});

/** A fake Slack Incoming Webhook: JSON in, "ok" or Slack's plain-text refusal out. */
class FakeIncomingWebhook extends FakeServer {
  readonly posted: { text: string; attachments: { color: string }[] }[] = [];
  answers: [number, string, Record<string, string>?][] = [];

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const [status, body, headers] = this.answers.shift() ?? [200, 'ok'];
    if (status === 200) this.posted.push(JSON.parse(raw) as FakeIncomingWebhook['posted'][number]);
    res.writeHead(status, { 'content-type': 'text/html', ...headers }).end(body);
  }
}

describe('Slack channel through an Incoming Webhook (@slack/webhook against a fake, real app)', () => {
  const hook = new FakeIncomingWebhook();
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      SLACK_WEBHOOK_URL: `${await hook.start()}/services/T000/B000/XXXX`,
      NOTIFY_ALLOW_PRIVATE_TARGETS: 'true',
      NOTIFY_DISPATCH_INTERVAL_MS: '60000',
    });
  });
  afterAll(async () => {
    await t.close();
    await hook.close();
  });

  const { fire: fireWith, dispatchAll, deliveries } = notifyHelpers(() => t);

  it('posts the same Block Kit message, waits out a 429 and stops on a refusal', async () => {
    hook.answers = [[429, 'rate_limited', { 'retry-after': '3' }]];
    const delivered = await fireWith({ channels: ['slack'], priority: 'high', name: 'ES breakout' });
    await t.app.get(DispatcherService).runOnce();
    const [waiting] = await deliveries(delivered);
    expect(waiting).toMatchObject({ status: 'pending', last_error: 'Slack webhook answered 429: rate_limited' });
    expect(Date.parse(waiting?.next_attempt_at ?? '') - Date.now()).toBeGreaterThan(2000);
    await dispatchAll();
    expect((await deliveries(delivered))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(hook.posted).toHaveLength(1);
    expect(hook.posted[0]?.text).toBe(':warning: *ES* ES is above 6000 at 6001.5');
    expect(hook.posted[0]?.attachments[0]?.color).toBe('#f59e0b');

    hook.answers = [[404, 'no_service']];
    const refused = await fireWith({ channels: ['slack'] });
    await dispatchAll();
    expect((await deliveries(refused))[0]).toMatchObject({
      status: 'dead',
      attempts: 1,
      last_error: 'Slack webhook answered 404: no_service',
    });
    expect(t.logs.some((l) => l.includes('/services/T000/B000/XXXX'))).toBe(false);
  });
});
