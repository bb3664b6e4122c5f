import type { IncomingMessage, ServerResponse } from 'node:http';
import { WEBHOOK_HEADERS } from '@tradeassist/shared-types';
import { webhookSignature } from '../../src/notifications';
import { FakeServer } from './fake-server';
import { startTestApp, type TestApp } from './test-app';

export const SECRET = 'test-webhook-secret-0123456789';

export interface Received {
  key: string;
  validSignature: boolean;
  headers: IncomingMessage['headers'];
  body: {
    id: string;
    type: string;
    text: string;
    alert: { id: number; rule_id: number; trigger_value: number };
    alerts?: { id: number }[];
    digest?: { count: number; window_minutes: number; reason: string };
    system?: { type: string; title: string };
    links: { console: string | null; acknowledge?: string; snooze?: string };
  };
}

/** A webhook receiver speaking plain HTTP: verifies the HMAC as a real receiver would, answers what the test scripts. */
export class Receiver extends FakeServer {
  readonly received: Received[] = [];
  answers: number[] = [];

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const ts = String(req.headers[WEBHOOK_HEADERS.timestamp]);
    const signature = String(req.headers[WEBHOOK_HEADERS.signature]);
    this.received.push({
      key: String(req.headers[WEBHOOK_HEADERS.idempotencyKey]),
      validSignature: signature === `sha256=${webhookSignature(SECRET, ts, raw)}` && Math.abs(Date.now() / 1000 - Number(ts)) < 300,
      headers: req.headers,
      body: JSON.parse(raw) as Received['body'],
    });
    const status = this.answers.shift() ?? 200;
    res.writeHead(status, status === 429 ? { 'retry-after': '1' } : {}).end();
  }
}

/** A test app whose webhook channel points at a fresh receiver (private targets allowed), for one test; both closed after it. */
export async function withWebhookApp(env: Record<string, string>, run: (t: TestApp, receiver: Receiver) => Promise<void>): Promise<void> {
  const receiver = new Receiver();
  const url = `${await receiver.start()}/hook`;
  const t = await startTestApp({
    WEBHOOK_URL: url,
    WEBHOOK_SECRET: SECRET,
    NOTIFY_ALLOW_PRIVATE_TARGETS: 'true',
    NOTIFY_DISPATCH_INTERVAL_MS: '60000',
    ...env,
  });
  try {
    await run(t, receiver);
  } finally {
    await t.close();
    await receiver.close();
  }
}
