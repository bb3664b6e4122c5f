import WebSocket from 'ws';
import type { ErrorBody } from '@tradeassist/shared-types';
import { ruleBody } from './support/factories';
import { ADMIN, http, login, signedInUser, startTestApp, type TestApp } from './support/test-app';

async function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', () => resolve(-1));
  });
}

describe('Accounts and sessions (real app)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(() => t.close());

  it('refuses anonymous calls with 401 and lets health through', async () => {
    const res = await http<ErrorBody>(t.baseUrl, 'GET', '/api/rules', undefined, undefined, {});
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'AUTH_REQUIRED', message: 'Log in, or send an API key (X-API-Key or Authorization: Bearer)' });
    expect((await http(t.baseUrl, 'GET', '/api/health', undefined, undefined, {})).status).toBe(200);
  });

  it('logs in with httpOnly SameSite=Strict cookies and answers /me', async () => {
    const s = await login(t.baseUrl, ADMIN.username, ADMIN.password);
    expect(s.response.status).toBe(200);
    expect(s.response.body.user).toMatchObject({ username: 'admin', role: 'admin', must_change_password: false });
    const setCookies = s.response.headers.getSetCookie();
    expect(setCookies.find((c) => c.startsWith('ta_access='))).toMatch(/HttpOnly/i);
    expect(setCookies.find((c) => c.startsWith('ta_access='))).toMatch(/SameSite=Strict/i);
    expect(setCookies.find((c) => c.startsWith('ta_refresh='))).toMatch(/Path=\/api\/auth/);
    expect(setCookies.find((c) => c.startsWith('ta_csrf='))).not.toMatch(/HttpOnly/i);
    const me = await http(t.baseUrl, 'GET', '/api/auth/me', undefined, undefined, s.headers);
    expect(me.body).toEqual({ id: 1, username: 'admin', role: 'admin', via: 'session', must_change_password: false });
  });

  it('says nothing about which part of a login was wrong', async () => {
    const unknown = await http<ErrorBody>(t.baseUrl, 'POST', '/api/auth/login', { username: 'nobody', password: 'x' }, undefined, {});
    const wrong = await http<ErrorBody>(t.baseUrl, 'POST', '/api/auth/login', { username: 'admin', password: 'nope' }, undefined, {});
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.body.message).toBe('Wrong username or password');
    expect(wrong.body.message).toBe('Wrong username or password');
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const s = await login(t.baseUrl, ADMIN.username, ADMIN.password);
    const noCsrf = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules', ruleBody(), undefined, { cookie: s.headers.cookie ?? '' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('CSRF_FAILED');
    const withCsrf = await http(t.baseUrl, 'POST', '/api/rules', ruleBody(), undefined, s.headers);
    expect(withCsrf.status).toBe(201);
  });

  it('refreshes with a rotating token and revokes on logout', async () => {
    const s = await login(t.baseUrl, ADMIN.username, ADMIN.password);
    const refreshCookie = `ta_refresh=${s.cookies['ta_refresh']}`;
    const refreshed = await http(t.baseUrl, 'POST', '/api/auth/refresh', undefined, undefined, { cookie: refreshCookie });
    expect(refreshed.status).toBe(200);
    const replay = await http<ErrorBody>(t.baseUrl, 'POST', '/api/auth/refresh', undefined, undefined, { cookie: refreshCookie });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('SESSION_EXPIRED');
    const out = await http(t.baseUrl, 'POST', '/api/auth/logout', undefined, undefined, s.headers);
    expect(out.status).toBe(200);
    const after = await http<ErrorBody>(t.baseUrl, 'GET', '/api/auth/me', undefined, undefined, s.headers);
    expect(after.status).toBe(401);
  });

  it('expires access tokens', async () => {
    const short = await startTestApp({ ACCESS_TOKEN_MINUTES: '1' });
    try {
      const s = await login(short.baseUrl, ADMIN.username, ADMIN.password);
      jest.useFakeTimers({
        now: Date.now() + 61_000,
        doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'],
      });
      const res = await http<ErrorBody>(short.baseUrl, 'GET', '/api/auth/me', undefined, undefined, s.headers);
      expect(res.status).toBe(401);
    } finally {
      jest.useRealTimers();
      await short.close();
    }
  });

  it('locks an account after repeated failures, with Retry-After', async () => {
    await http(t.baseUrl, 'POST', '/api/users', { username: 'victim', password: 'correct-horse-1', role: 'viewer' });
    for (let i = 0; i < 5; i++) await http(t.baseUrl, 'POST', '/api/auth/login', { username: 'victim', password: 'wrong' }, undefined, {});
    const locked = await http<ErrorBody>(
      t.baseUrl,
      'POST',
      '/api/auth/login',
      { username: 'victim', password: 'correct-horse-1' },
      undefined,
      {},
    );
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('forces a new password before anything else for a user created by an admin', async () => {
    await http(t.baseUrl, 'POST', '/api/users', { username: 'newbie', password: 'initial-password-1', role: 'trader' });
    const s = await login(t.baseUrl, 'newbie', 'initial-password-1');
    expect(s.response.body.user.must_change_password).toBe(true);
    const blocked = await http<ErrorBody>(t.baseUrl, 'GET', '/api/rules', undefined, undefined, s.headers);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await http<ErrorBody>(
      t.baseUrl,
      'POST',
      '/api/auth/password',
      { current_password: 'initial-password-1', new_password: 'short' },
      undefined,
      s.headers,
    );
    expect(weak.status).toBe(422);
    expect(weak.body.detail).toEqual([
      { loc: ['body', 'new_password'], msg: 'must be at least 10 characters long', type: 'password_strength' },
    ]);
    const changed = await http(
      t.baseUrl,
      'POST',
      '/api/auth/password',
      { current_password: 'initial-password-1', new_password: 'a-much-better-one-7' },
      undefined,
      s.headers,
    );
    expect(changed.status).toBe(200);
    expect((await http(t.baseUrl, 'GET', '/api/rules', undefined, undefined, s.headers)).status).toBe(200);
  });

  it('enforces ownership: a trader changes only own rules, a viewer nothing', async () => {
    const trader = await signedInUser(t.baseUrl, 'trader2', 'trader');
    const viewer = await signedInUser(t.baseUrl, 'viewer2', 'viewer');
    const adminRule = await http<{ id: number; owner: string }>(t.baseUrl, 'POST', '/api/rules', ruleBody());
    expect(adminRule.body.owner).toBe('admin');
    const own = await http<{ id: number; owner: string }>(t.baseUrl, 'POST', '/api/rules', ruleBody(), undefined, trader.headers);
    expect(own.body.owner).toBe('trader2');
    expect((await http(t.baseUrl, 'PUT', `/api/rules/${own.body.id}`, { threshold: 1 }, undefined, trader.headers)).status).toBe(200);
    const notMine = await http<ErrorBody>(t.baseUrl, 'PUT', `/api/rules/${adminRule.body.id}`, { threshold: 1 }, undefined, trader.headers);
    expect(notMine.status).toBe(403);
    expect(notMine.body.code).toBe('NOT_OWNER');
    const viewerWrite = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules', ruleBody(), undefined, viewer.headers);
    expect(viewerWrite.status).toBe(403);
    expect(viewerWrite.body.message).toBe('This action needs the trader role; you are signed in as a viewer');
    expect((await http(t.baseUrl, 'GET', '/api/rules', undefined, undefined, viewer.headers)).status).toBe(200);
  });

  it('refuses the WebSocket upgrade without credentials and accepts a session cookie or API key', async () => {
    expect(await upgradeStatus(t.wsUrl)).toBe(401);
    expect(await upgradeStatus(t.wsUrl, { 'x-api-key': 'ta_aaaaaaaaaaaa_' + 'b'.repeat(43) })).toBe(401);
    const s = await login(t.baseUrl, ADMIN.username, ADMIN.password);
    expect(await upgradeStatus(t.wsUrl, { cookie: s.headers.cookie ?? '' })).toBe(101);
    expect(await upgradeStatus(t.wsUrl, { 'x-api-key': t.apiKey })).toBe(101);
  });
});

describe('login throttling (real app)', () => {
  it('answers 429 with Retry-After past the per-minute login budget', async () => {
    const t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof http<ErrorBody>>> | undefined;
      for (let i = 0; i < 4; i++) {
        last = await http<ErrorBody>(t.baseUrl, 'POST', '/api/auth/login', { username: 'ghost', password: 'x' }, undefined, {});
        statuses.push(last.status);
      }
      // startTestApp's own login used one of the three.
      expect(statuses).toEqual([401, 401, 429, 429]);
      expect(last?.body.code).toBe('RATE_LIMITED');
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await http(t.baseUrl, 'GET', '/api/instruments')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('API keys (real app)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('shows a key once, stores it hashed, scopes it and honours expiry and revocation', async () => {
    const created = await http<{ id: number; key: string; role: string; prefix: string }>(t.baseUrl, 'POST', '/api/api-keys', {
      name: 'reader',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^ta_/);
    const listed = await http<{ key?: string }[]>(t.baseUrl, 'GET', '/api/api-keys');
    expect(listed.body.every((k) => k.key === undefined)).toBe(true);
    const asViewer = { authorization: `Bearer ${created.body.key}` };
    expect((await http(t.baseUrl, 'GET', '/api/instruments', undefined, undefined, asViewer)).status).toBe(200);
    const write = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules', ruleBody(), undefined, asViewer);
    expect(write.status).toBe(403);
    expect((await http(t.baseUrl, 'DELETE', `/api/api-keys/${created.body.id}`)).status).toBe(200);
    expect((await http(t.baseUrl, 'GET', '/api/instruments', undefined, undefined, asViewer)).status).toBe(401);
    const past = await http<ErrorBody>(t.baseUrl, 'POST', '/api/api-keys', { name: 'old', expires_at: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(422);
    const soon = await http<{ key: string }>(t.baseUrl, 'POST', '/api/api-keys', {
      name: 'soon',
      expires_at: new Date(Date.now() + 1500).toISOString(),
    });
    expect((await http(t.baseUrl, 'GET', '/api/instruments', undefined, undefined, { 'x-api-key': soon.body.key })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await http(t.baseUrl, 'GET', '/api/instruments', undefined, undefined, { 'x-api-key': soon.body.key })).status).toBe(401);
  });

  it('refuses a key wider than its owner', async () => {
    const s = await signedInUser(t.baseUrl, 'viewer3', 'viewer');
    const res = await http<ErrorBody>(t.baseUrl, 'POST', '/api/api-keys', { name: 'x', role: 'admin' }, undefined, s.headers);
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([{ loc: ['body', 'role'], msg: 'must not exceed your own role (viewer)', type: 'role_scope' }]);
  });
});
