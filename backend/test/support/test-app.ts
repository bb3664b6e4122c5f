import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/app-setup';
import { loadConfig, type AppConfig } from '../../src/config';
import { createAppLogger } from '../../src/logging';
import { WsProbe } from './ws-client';

export const ADMIN = { username: 'admin', password: 'test-admin-password-1' } as const;

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  baseUrl: string;
  wsUrl: string;
  dataDir: string;
  /** An admin API key, sent by http() by default. */
  apiKey: string;
  /** Every log line the app wrote, for assertions (e.g. that secrets never appear). */
  logs: string[];
  close(options?: { keepData?: boolean }): Promise<void>;
}

// Per app, so a test that starts a second app does not change what the first one's calls send.
const defaultHeaders = new Map<string, Record<string, string>>();

/** The real application on a temp SQLite file and a random port; feed off unless asked for; an admin API key ready. */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'tradeassist-test-'));
  const config = loadConfig({
    MARKET_FEED: 'none',
    LOG_LEVEL: 'warn',
    PORT: '3000',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
    DATA_DIR: dir,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const app = await createApp(config, createAppLogger(config.logging.level, sink));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const session = await login(baseUrl, ADMIN.username, env['ADMIN_PASSWORD'] ?? ADMIN.password);
  const key = await http<{ key: string }>(baseUrl, 'POST', '/api/api-keys', { name: 'test suite' }, undefined, session.headers);
  if (key.status !== 201) throw new Error(`Could not create the test API key: ${key.status} ${JSON.stringify(key.body)}`);
  defaultHeaders.set(baseUrl, { 'x-api-key': key.body.key });
  WsProbe.defaultApiKey = key.body.key;
  return {
    app,
    config,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/ws/realtime`,
    dataDir: dir,
    apiKey: key.body.key,
    logs,
    async close(options = {}) {
      await app.close();
      if (!options.keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function http<T = unknown>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  raw?: string,
  headers: Record<string, string> = defaultHeaders.get(base) ?? {},
): Promise<JsonResponse<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  // JSON answers parsed; anything else (an HTML page, CSV) as its text.
  const json = res.headers.get('content-type')?.includes('json') === true;
  return { status: res.status, body: (text ? (json ? JSON.parse(text) : text) : undefined) as T, headers: res.headers };
}

export interface BrowserSession {
  /** Cookie and CSRF headers, as the console sends them. */
  headers: Record<string, string>;
  cookies: Record<string, string>;
  response: JsonResponse<{ user: { username: string; must_change_password: boolean }; csrf_token: string }>;
}

/** Logs in like the console does and returns the cookie + CSRF headers a browser would send. */
export async function login(base: string, username: string, password: string): Promise<BrowserSession> {
  const response = await http<BrowserSession['response']['body']>(base, 'POST', '/api/auth/login', { username, password }, undefined, {});
  const cookies: Record<string, string> = {};
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const [name, ...value] = (pair ?? '').split('=');
    if (name) cookies[name] = value.join('=');
  }
  const cookie = Object.entries(cookies)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return { headers: { cookie, 'x-csrf-token': cookies['ta_csrf'] ?? '' }, cookies, response };
}

/** Creates a user as the admin, signs them in and gets past the forced first password change. */
export async function signedInUser(base: string, username: string, role: 'viewer' | 'trader' | 'admin'): Promise<BrowserSession> {
  const initial = `${role}-initial-pass`;
  const created = await http(base, 'POST', '/api/users', { username, password: initial, role });
  if (created.status !== 201) throw new Error(`Could not create ${username}: ${created.status} ${JSON.stringify(created.body)}`);
  const first = await login(base, username, initial);
  await http(
    base,
    'POST',
    '/api/auth/password',
    { current_password: initial, new_password: `${initial}-changed` },
    undefined,
    first.headers,
  );
  return first;
}
