/*
 * Notification latency at a steady alert rate, on the built server: alert → fake Slack request
 * (through the outbox, dispatcher and @slack/web-api) and alert → browser (alert_fired over the
 * WebSocket). Prints one JSON object. Needs `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';

const { values: args } = parseArgs({ options: { rate: { type: 'string', default: '100' }, seconds: { type: 'string', default: '10' } } });
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password-1' };
const ROOT = join(__dirname, '..');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

function percentiles(values: number[]): { p50: number; p95: number; p99: number; max: number; count: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => Math.round((s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN) * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), count: s.length };
}

async function main(): Promise<void> {
  // The alert's price identifies it at every end: the nth tick is priced 10000 + n / 100.
  const sentAt = new Map<string, number>();
  const slackAt = new Map<string, number>();
  const browserAt = new Map<string, number>();
  const priceKey = (text: string): string | undefined => /at (\d+(?:\.\d+)?)/.exec(text)?.[1];

  const slack = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const key = priceKey(new URLSearchParams(raw).get('text') ?? '');
      if (key && !slackAt.has(key)) slackAt.set(key, performance.now());
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ts: '1.1' }));
    });
  });
  await new Promise<void>((r) => slack.listen(0, '127.0.0.1', r));

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tradeassist-bench-'));
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [join(ROOT, 'backend/dist/backend/src/main.js')], {
    cwd: ROOT,
    stdio: process.env['BENCH_DEBUG'] ? 'inherit' : 'ignore',
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      MARKET_FEED: 'none',
      LOG_LEVEL: 'warn',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_CHANNEL: 'C1',
      SLACK_API_URL: `http://127.0.0.1:${(slack.address() as AddressInfo).port}/api/`,
      NOTIFY_DISPATCH_INTERVAL_MS: '10',
      NOTIFY_RATE_LIMITS: 'slack=1000000',
      // One rule firing 100 times a second would be digested by runaway protection; the bench times single deliveries.
      NOTIFY_RUNAWAY_FIRINGS: '100000',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
  });
  try {
    for (let i = 0; ; i++) {
      if (i > 150) throw new Error('server did not start');
      if ((await fetch(`${base}/api/health`).catch(() => null))?.ok) break;
      await sleep(200);
    }
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const cookies = Object.fromEntries(login.headers.getSetCookie().map((c) => (c.split(';')[0] ?? '').split('=') as [string, string]));
    const cookie = Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const keyRes = await fetch(`${base}/api/api-keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': cookies['ta_csrf'] ?? '' },
      body: JSON.stringify({ name: 'bench' }),
    });
    const apiKey = ((await keyRes.json()) as { key: string }).key;
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify(body),
      });
    await post('/api/rules', {
      instrument_id: 1,
      rule_type: 'threshold',
      condition: 'above',
      threshold: 0,
      cooldown_seconds: 0,
      channels: ['in_app', 'slack'],
    });

    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/realtime`, { headers: { 'x-api-key': apiKey } });
    await new Promise<void>((r, j) => ws.once('open', () => r()).once('error', j));
    ws.on('message', (raw: Buffer) => {
      const m = JSON.parse(raw.toString()) as { type: string; data?: { message?: string } };
      if (m.type !== 'alert_fired') return;
      const key = priceKey(m.data?.message ?? '');
      if (key && !browserAt.has(key)) browserAt.set(key, performance.now());
    });

    const total = RATE * SECONDS;
    let refused = 0;
    const start = performance.now();
    const first = Date.now() - 3_600_000;
    for (let n = 0; n < total; n++) {
      const due = start + (n * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const price = (10_000 + (n + 1) / 100).toFixed(2).replace(/\.?0+$/, '');
      sentAt.set(price, performance.now());
      // One after the other: concurrent requests could arrive out of order, and a late tick fires nothing.
      const res = await post('/api/market/ticks', {
        ticks: [{ symbol: 'ES', price: Number(price), volume: 1, timestamp: new Date(first + n * 10).toISOString() }],
      });
      if (!res.ok) refused++;
    }
    const deadline = performance.now() + 30_000;
    while ((slackAt.size < total || browserAt.size < total) && performance.now() < deadline) await sleep(50);
    ws.close();

    const lat = (ends: Map<string, number>) => [...sentAt].filter(([k]) => ends.has(k)).map(([k, t]) => (ends.get(k) as number) - t);
    const result = {
      benchmark: 'notifications',
      node: process.version,
      alerts: total,
      rate_per_second: RATE,
      alert_to_slack_ms: percentiles(lat(slackAt)),
      alert_to_browser_ms: percentiles(lat(browserAt)),
      missing: { slack: total - slackAt.size, browser: total - browserAt.size },
      refused_ticks: refused,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (result.missing.slack > 0 || result.missing.browser > 0 || refused > 0) process.exitCode = 1;
  } finally {
    // A server that already exited (it refused its configuration, say) sends no second 'exit'.
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
    slack.close();
  }
}

void main();
