import type { AlertRule } from '@tradeassist/shared-types';
import { ruleBody } from './support/factories';
import { http, startTestApp, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

describe('fires_today on rules (real app)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("counts each rule's alerts since 00:00 UTC today, not yesterday's, in the list and for one rule", async () => {
    const create = async (threshold: number): Promise<number> => {
      const res = await http<AlertRule>(t.baseUrl, 'POST', '/api/rules', ruleBody({ threshold, name: `ES above ${threshold}` }));
      expect([res.status, res.body.fires_today]).toEqual([201, 0]);
      return res.body.id;
    };
    const twice = await create(6000);
    const once = await create(6001.5);
    const never = await create(7000);
    const now = Date.now();
    const midnight = now - (now % DAY_MS);
    // Recent, but never before midnight (nor in the future, which ingest would refuse past 5 minutes).
    const today = Math.max(midnight, now - 60_000);
    const ticks = [
      [6001, midnight - 2 * 3_600_000], // yesterday: fires the 6000 rule, not counted
      [6001, today],
      [6002, today + 1],
    ].map(([price, ts]) => ({ symbol: 'ES', price, volume: 1, timestamp: new Date(ts as number).toISOString() }));
    expect((await http<{ accepted: number }>(t.baseUrl, 'POST', '/api/market/ticks', { ticks })).body.accepted).toBe(3);

    const list = await http<AlertRule[]>(t.baseUrl, 'GET', '/api/rules');
    expect(list.status).toBe(200);
    const counts = Object.fromEntries(list.body.map((r) => [r.id, r.fires_today]));
    expect([counts[twice], counts[once], counts[never]]).toEqual([2, 1, 0]);
    const one = await http<AlertRule>(t.baseUrl, 'GET', `/api/rules/${twice}`);
    expect([one.status, one.body.fires_today]).toEqual([200, 2]);
    const alerts = await http<{ total: number }>(t.baseUrl, 'GET', `/api/alerts?rule_id=${twice}`);
    expect(alerts.body.total).toBe(3);
  });
});
