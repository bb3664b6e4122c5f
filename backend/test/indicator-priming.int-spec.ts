import type { AlertDetail, AlertListResponse, AlertRule } from '@tradeassist/shared-types';
import { ruleBody } from './support/factories';
import { http, startTestApp, type TestApp } from './support/test-app';

const T0 = Date.parse('2026-01-15T14:30:00Z');
const at = (minutes: number, seconds = 0): string => new Date(T0 + minutes * 60_000 + seconds * 1000).toISOString();

/**
 * Indicators start from the stored bars: a rule added after 20 minutes of ticks, and the same rule
 * after a restart, read RSI(14) at once instead of 15 bars later (real app, the same SQLite file twice).
 */
describe('Indicator rules start warm from the stored bars (real app, ingest API)', () => {
  let t: TestApp;
  afterAll(() => t.close());

  const push = async (price: number, minutes: number, seconds = 0): Promise<void> => {
    const res = await http<{ accepted: number }>(t.baseUrl, 'POST', '/api/market/ticks', {
      ticks: [{ symbol: 'ES', price, volume: 5, timestamp: at(minutes, seconds) }],
    });
    expect(res.body.accepted).toBe(1);
  };
  const firings = async (ruleId: number): Promise<AlertListResponse['alerts']> =>
    (await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${ruleId}&limit=100`)).body.alerts.reverse();

  it('a new RSI(14) rule fires on the next tick after 20 stored bars, and again after a restart', async () => {
    t = await startTestApp();
    // A close a minute, each a point higher: every move a gain, RSI 100 from the 15th bar on.
    for (let m = 0; m < 20; m++) await push(6000 + m, m, 30);

    const created = await http<AlertRule>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ name: 'ES RSI overbought', threshold: 70, subject: { kind: 'rsi', period: 14 }, cooldown_seconds: 0 }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;

    await push(6020, 20, 10);
    const first = await firings(id);
    expect(first.map((a) => [a.timestamp, a.trigger_value])).toEqual([[at(20, 10), 100]]);
    const detail = await http<AlertDetail>(t.baseUrl, 'GET', `/api/alerts/${first[0]!.id}`);
    expect(detail.body.explanation?.indicators).toEqual({ 'RSI(14)': 100 });

    await t.close({ keepData: true });
    t = await startTestApp({}, t.dataDir);

    // Loaded at boot with the stored bars: the next tick, a minute on, reads RSI(14) again.
    await push(6021, 21, 10);
    expect((await firings(id)).map((a) => [a.timestamp, a.trigger_value])).toEqual([
      [at(20, 10), 100],
      [at(21, 10), 100],
    ]);
  });
});
