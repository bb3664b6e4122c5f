import type { AlertListResponse, AlertRule, Instrument } from '@tradeassist/shared-types';
import { ruleBody } from './support/factories';
import { http, startTestApp, type TestApp } from './support/test-app';

const at = (sec: number): string => new Date(Date.parse('2026-01-15T14:30:00Z') + sec * 1000).toISOString();

/** Re-arm hysteresis end to end: the app is stopped and started again on the same SQLite file. */
describe('Re-arm hysteresis across a restart (real app, the same database twice)', () => {
  let t: TestApp;
  afterAll(() => t.close());

  const push = async (symbol: string, price: number, sec: number): Promise<void> => {
    const res = await http<{ accepted: number }>(t.baseUrl, 'POST', '/api/market/ticks', {
      ticks: [{ symbol, price, volume: 1, timestamp: at(sec) }],
    });
    expect(res.body.accepted).toBe(1);
  };
  /** A rule's firings, oldest first, as [seconds after the start, trigger value]. */
  const fired = async (ruleId: number): Promise<[number, number][]> => {
    const res = await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${ruleId}&limit=100`);
    return res.body.alerts.map((a): [number, number] => [(Date.parse(a.timestamp) - Date.parse(at(0))) / 1000, a.trigger_value]).reverse();
  };

  it('a rule waiting to re-arm stays quiet after a restart; one that had re-armed, or was edited, fires', async () => {
    t = await startTestApp();
    const ids = Object.fromEntries((await http<Instrument[]>(t.baseUrl, 'GET', '/api/instruments')).body.map((i) => [i.symbol, i.id]));
    const create = async (symbol: string): Promise<number> => {
      const res = await http<AlertRule>(
        t.baseUrl,
        'POST',
        '/api/rules',
        ruleBody({ instrument_id: ids[symbol], threshold: 100, rearm: { by: 1, unit: 'value' }, name: `${symbol} hysteresis` }),
      );
      expect(res.status).toBe(201);
      return res.body.id;
    };
    const waiting = await create('ES');
    const rearmed = await create('NQ');
    const edited = await create('YM');
    await push('ES', 101, 0);
    await push('NQ', 101, 0);
    await push('NQ', 99, 1);
    await push('YM', 101, 0);
    const edit = await http<AlertRule>(t.baseUrl, 'PUT', `/api/rules/${edited}`, { name: 'YM hysteresis, renamed' });
    expect([edit.status, edit.body.version]).toEqual([200, 2]);

    await t.close({ keepData: true });
    t = await startTestApp({}, t.dataDir);

    // ES fired at 101 and never came back down by 1: 101.5 stays quiet until 99.9 re-arms it.
    await push('ES', 101.5, 2);
    await push('ES', 99.9, 3);
    await push('ES', 100.5, 4);
    expect(await fired(waiting)).toEqual([
      [0, 101],
      [4, 100.5],
    ]);
    // NQ had re-armed at 99 before the restart: it fires at once.
    await push('NQ', 101, 2);
    expect(await fired(rearmed)).toEqual([
      [0, 101],
      [2, 101],
    ]);
    // An edit starts the hysteresis over: the new version is armed, also after the restart.
    await push('YM', 101, 2);
    expect(await fired(edited)).toEqual([
      [0, 101],
      [2, 101],
    ]);
  });
});
