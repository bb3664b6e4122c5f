import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlertRule, IngestTicksResponse, NotificationMetrics } from '@tradeassist/shared-types';
import { createApiKey, E2E_ADMIN } from './support/api';
import { startServer, type RunningServer } from './support/server';

const ALERTS = 500;

/** A webhook receiver counting deliveries per idempotency key, answering after a few ms (so the crash lands mid-delivery). */
class CountingReceiver {
  readonly byKey = new Map<string, number>();
  private server!: Server;

  get distinct(): number {
    return this.byKey.size;
  }

  get total(): number {
    return [...this.byKey.values()].reduce((a, b) => a + b, 0);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const key = String(req.headers['idempotency-key']);
        this.byKey.set(key, (this.byKey.get(key) ?? 0) + 1);
        setTimeout(() => res.writeHead(200).end(), 3);
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

async function until(what: string, done: () => boolean, timeoutMs: number, refresh?: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await refresh?.();
    if (done()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Kill -9 while 500 alerts are being delivered, start again on the same data: every alert reaches the webhook, once per key. */
describe('Notification delivery survives a crash (built server, SIGKILL, restart)', () => {
  const receiver = new CountingReceiver();
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    await receiver.close();
  });

  it('delivers every alert after a SIGKILL mid-delivery, with at most those in flight repeated', async () => {
    const env = {
      MARKET_FEED: 'none',
      ADMIN_USERNAME: E2E_ADMIN.username,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      WEBHOOK_URL: await receiver.start(),
      WEBHOOK_SECRET: 'e2e-webhook-secret-0123456789',
      NOTIFY_ALLOW_PRIVATE_TARGETS: 'true',
      NOTIFY_DISPATCH_INTERVAL_MS: '20',
      // 500 firings of one rule would be grouped into digests (runaway protection); this test is about each one arriving.
      NOTIFY_RUNAWAY_FIRINGS: '100000',
    };
    const first = await startServer(env);
    server = first;
    const key = await createApiKey(first.baseUrl);
    const api = (path: string, body: unknown) =>
      fetch(`${first.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify(body),
      });
    const rule = (await (
      await api('/api/rules', {
        instrument_id: 1,
        rule_type: 'threshold',
        condition: 'above',
        threshold: 1,
        cooldown_seconds: 0,
        channels: ['webhook'],
      })
    ).json()) as AlertRule;
    expect(rule.id).toBeGreaterThan(0);
    const start = Date.now() - 3_600_000;
    const ticks = Array.from({ length: ALERTS }, (_, i) => ({
      symbol: 'ES',
      price: 6000 + i / 4,
      volume: 1,
      timestamp: new Date(start + i * 1000).toISOString(),
    }));
    const ingested = (await (await api('/api/market/ticks', { ticks })).json()) as IngestTicksResponse;
    expect(ingested).toEqual({ accepted: ALERTS, rejected: [], late: 0 });

    await until('the first deliveries', () => receiver.distinct >= 100, 30_000);
    await first.crash();
    const atCrash = receiver.distinct;
    expect(atCrash).toBeLessThan(ALERTS);

    server = await startServer(env, first.dataDir);
    await until(`all ${ALERTS} alerts at the receiver`, () => receiver.distinct >= ALERTS, 60_000);
    expect(receiver.distinct).toBe(ALERTS);
    expect([...receiver.byKey.keys()].every((k) => /^alert-\d+-webhook-\d+$/.test(k))).toBe(true);
    // At-least-once with a key: only deliveries cut off by the crash may come twice (the dispatcher keeps up to 8 in flight).
    expect(receiver.total - receiver.distinct).toBeLessThanOrEqual(8);

    const metrics = (await (
      await fetch(`${server.baseUrl}/api/metrics/notifications`, { headers: { 'x-api-key': key } })
    ).json()) as NotificationMetrics;
    expect(metrics.channels['webhook']).toMatchObject({ sent: ALERTS, dead: 0, pending: 0 });
  }, 120_000);
});
