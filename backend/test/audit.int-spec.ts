import { DataSource } from 'typeorm';
import { ADMIN, http, login, startTestApp, type TestApp } from './support/test-app';

interface Verdict {
  ok: boolean;
  checked: number;
  first_broken_id: number | null;
}

describe('security audit (real app)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('records logins, key and rule changes with who, what and where — never the secret', async () => {
    await http(t.baseUrl, 'POST', '/api/auth/login', { username: 'admin', password: 'wrong-one' }, undefined, {});
    await login(t.baseUrl, ADMIN.username, ADMIN.password);
    await http(t.baseUrl, 'POST', '/api/rules', { instrument_id: 1, rule_type: 'threshold', condition: 'above', threshold: 1 });
    const res = await http<{
      entries: { action: string; outcome: string; actor: string; ip: string | null; detail: Record<string, unknown> }[];
    }>(t.baseUrl, 'GET', '/api/audit?limit=100');
    const actions = res.body.entries.map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining(['user.bootstrap:ok', 'auth.login:failed', 'auth.login:ok', 'api_key.create:ok', 'rule.create:ok']),
    );
    const failed = res.body.entries.find((e) => e.action === 'auth.login' && e.outcome === 'failed');
    expect(failed).toMatchObject({ actor: 'admin', detail: { reason: 'wrong password' } });
    expect(failed?.ip).toMatch(/127\.0\.0\.1/);
    expect(res.body.entries.find((e) => e.action === 'rule.create')?.ip).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(res.body)).not.toContain('wrong-one');
  });

  it('verifies the chain, and finds the first row edited behind its back', async () => {
    const ok = await http<Verdict>(t.baseUrl, 'GET', '/api/audit/verify');
    expect(ok.body).toMatchObject({ ok: true, first_broken_id: null });
    expect(ok.body.checked).toBeGreaterThan(3);
    const db = t.app.get(DataSource);
    await db.query(`UPDATE security_audit SET actor = 'mallory' WHERE id = 3`);
    const broken = await http<Verdict>(t.baseUrl, 'GET', '/api/audit/verify');
    expect(broken.body).toMatchObject({ ok: false, first_broken_id: 3 });
  });
});
