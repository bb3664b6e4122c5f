import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { realFailures, signIn } from './support/browser';
import { openConsole, SHOTS, type ConsoleSession } from './support/console';
import type { RunningServer } from './support/server';

/** A webhook receiver keeping what it was sent. */
class Receiver {
  readonly bodies: { type: string; text: string }[] = [];
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        this.bodies.push(JSON.parse(raw) as { type: string; text: string });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** An administrator shapes the webhook's message in the console and a trader's silent setting quiets the console. */
describe('Channel settings and notification preferences in a real browser', () => {
  const receiver = new Receiver();
  let session: ConsoleSession;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    session = await openConsole({
      MARKET_FEED: 'none',
      WEBHOOK_URL: await receiver.start(),
      WEBHOOK_SECRET: 'e2e-webhook-secret-0123456789',
      NOTIFY_ALLOW_PRIVATE_TARGETS: 'true',
    });
    ({ server, page } = session);
  });

  afterAll(async () => {
    await session?.close();
    await receiver.close();
  });

  it('refuses a misspelt variable, previews and saves a webhook template, and test-sends it to the receiver', async () => {
    await signIn(page, server.baseUrl, '/channels');
    await page.goto(`${server.baseUrl}/channels`);
    const card = page.getByTestId('channel-webhook');
    const template = card.getByTestId('template');
    await template.fill('{{symbol}} hit {{prize}}');
    await card
      .getByTestId('template-preview-error')
      .filter({ hasText: '{{prize}} is not a template variable' })
      .waitFor({ timeout: 10_000 });

    await template.fill('{{symbol}} crossed {{threshold}} ({{rule_name}})');
    await card.getByTestId('template-preview').filter({ hasText: 'TEST crossed 100 (Test notification)' }).waitFor({ timeout: 10_000 });
    await card.getByTestId('channel-save').click();
    await card.getByTestId('channel-result').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });

    await card.getByTestId('channel-test').click();
    await card.getByTestId('channel-test-result').filter({ hasText: '200' }).waitFor({ timeout: 10_000 });
    expect(receiver.bodies.at(-1)).toMatchObject({ type: 'alert.fired', text: 'TEST crossed 100 (Test notification)' });
    await page.screenshot({ path: join(SHOTS, 'channels.png'), fullPage: true });
    expect(realFailures(session.failedRequests)).toEqual([]);
  });

  it('with the console set to silent, a fired alert fills the notification center without a toast', async () => {
    await page.goto(`${server.baseUrl}/settings/notifications`);
    await page.getByTestId('pref-mode-in_app').getByText('Silent', { exact: true }).click();
    await page.getByTestId('pref-save').click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });

    const rule = await fetch(`${server.baseUrl}/api/rules`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': session.apiKey },
      body: JSON.stringify({ name: 'E2E quiet', instrument_id: 1, rule_type: 'threshold', condition: 'above', threshold: 100_000 }),
    });
    expect(rule.status).toBe(201);
    const tick = await fetch(`${server.baseUrl}/api/market/ticks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': session.apiKey },
      body: JSON.stringify({ ticks: [{ symbol: 'ES', price: 100_001, volume: 1 }] }),
    });
    expect(tick.status).toBe(200);

    await page.getByTestId('notification-count').filter({ hasText: '1' }).waitFor({ timeout: 10_000 });
    // The toast would have come with the alert_fired that updated the bell; give it a moment to prove it does not.
    await page.waitForTimeout(1000);
    expect(await page.locator('.ngx-toastr').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'notification-settings.png'), fullPage: true });
    expect(realFailures(session.failedRequests)).toEqual([]);
  });
});
