import { randomBytes } from 'node:crypto';
import { http, login, startTestApp, type TestApp } from './support/test-app';

/** Unique canaries used as a password and as API keys must never show up in logs or in any response but the one that issues a key. */
describe('canary secrets never leak', () => {
  const canaryPassword = `canary-${randomBytes(12).toString('hex')}`;
  // Shaped like a Slack bot token: the notifications issue stores real ones; until then it can only arrive as a credential.
  const canarySlack = `xoxb-${randomBytes(8).toString('hex')}-${randomBytes(12).toString('hex')}`;
  let t: TestApp;
  const bodies: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_PASSWORD: canaryPassword, LOG_LEVEL: 'debug' });
  });
  afterAll(() => t.close());

  it('keeps the password, API keys and bearer tokens out of logs and responses', async () => {
    const s = await login(t.baseUrl, 'admin', canaryPassword);
    bodies.push(JSON.stringify(s.response.body));
    const wrong = await http(t.baseUrl, 'POST', '/api/auth/login', { username: 'admin', password: `${canaryPassword}x` }, undefined, {});
    bodies.push(JSON.stringify(wrong.body));
    const issued = await http<{ key: string }>(t.baseUrl, 'POST', '/api/api-keys', { name: 'canary' });
    const canaryKey = issued.body.key;
    expect(canaryKey).toMatch(/^ta_/);
    const attempts: Record<string, string>[] = [
      { 'x-api-key': canaryKey },
      { authorization: `Bearer ${canaryKey}` },
      { 'x-api-key': `${canaryKey}zz` },
      { authorization: `Bearer ${canarySlack}` },
      { 'x-api-key': canarySlack },
    ];
    for (const headers of attempts) {
      for (const path of ['/api/instruments', '/api/nowhere', '/api/rules/abc', '/api/audit'])
        bodies.push(JSON.stringify((await http(t.baseUrl, 'GET', path, undefined, undefined, headers)).body));
    }
    bodies.push(JSON.stringify((await http(t.baseUrl, 'POST', '/api/rules', undefined, `{"password": "${canaryPassword}",`)).body));
    bodies.push(JSON.stringify((await http(t.baseUrl, 'GET', '/api/api-keys')).body));
    bodies.push(JSON.stringify((await http(t.baseUrl, 'GET', '/api/audit?limit=1000')).body));
    const logs = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThan(0);
    for (const secret of [canaryPassword, canaryKey, t.apiKey, canarySlack]) {
      expect(logs).not.toContain(secret);
      for (const body of bodies) expect(body).not.toContain(secret);
    }
  });
});
