import type {
  AlertListResponse,
  AlertRule,
  AlertStats,
  ErrorBody,
  HealthResponse,
  IngestTicksResponse,
  Instrument,
} from '@tradeassist/shared-types';
import { ruleBody, tick } from './support/factories';
import { http, startTestApp, type TestApp } from './support/test-app';
import { WsProbe } from './support/ws-client';

describe('Live pipeline: ingest → engine → alert → WebSocket (real app)', () => {
  let t: TestApp;
  let ws: WsProbe;
  beforeAll(async () => {
    t = await startTestApp();
    ws = await WsProbe.connect(t.wsUrl);
  });
  afterAll(async () => {
    ws.close();
    await t.close();
  });

  it('rejects bad ticks one by one with a reason and accepts the rest', async () => {
    const res = await http<IngestTicksResponse>(t.baseUrl, 'POST', '/api/market/ticks', {
      ticks: [
        tick({ price: 5990 }),
        { symbol: 'NOPE', price: 1 },
        { symbol: 'ES', price: 'x' },
        { symbol: 'ES' },
        tick({ timestamp: 'yesterday' }),
        tick({ volume: -1 }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accepted: 1,
      late: 0,
      rejected: [
        { index: 1, reason: "Unknown symbol 'NOPE'" },
        { index: 2, reason: 'price must be a finite number' },
        { index: 3, reason: 'price is required' },
        { index: 4, reason: 'timestamp must be an ISO-8601 date-time such as 2026-11-22T14:30:00.125Z' },
        { index: 5, reason: 'volume must not be less than 0' },
      ],
    });
  });

  it('refuses an empty or oversized batch with 422', async () => {
    const empty = await http<ErrorBody>(t.baseUrl, 'POST', '/api/market/ticks', { ticks: [] });
    expect(empty.status).toBe(422);
    expect(empty.body.detail).toEqual([{ loc: ['body', 'ticks'], msg: 'must contain at least 1 elements', type: 'arrayMinSize' }]);
    const big = await http<ErrorBody>(t.baseUrl, 'POST', '/api/market/ticks', { ticks: Array.from({ length: 10_001 }, () => tick()) });
    expect(big.status).toBe(422);
  });

  it('fires a rule on an ingested tick, stores it and pushes alert_fired', async () => {
    const rule = await http<AlertRule>(t.baseUrl, 'POST', '/api/rules', ruleBody({ threshold: 6000, name: 'ES breakout' }));
    const res = await http<IngestTicksResponse>(t.baseUrl, 'POST', '/api/market/ticks', {
      ticks: [tick({ price: 6002.25, timestamp: '2026-01-15T14:31:00.000Z' })],
    });
    expect(res.body).toEqual({ accepted: 1, rejected: [], late: 0 });
    const fired = await ws.next('alert_fired', (m) => m.data.rule_id === rule.body.id);
    expect(fired.data).toMatchObject({
      rule_name: 'ES breakout',
      symbol: 'ES',
      instrument_id: 1,
      trigger_value: 6002.25,
      threshold_value: 6000,
      condition: 'above',
      priority: 'normal',
      sound: true,
      timestamp: '2026-01-15T14:31:00.000Z',
      message: 'ES is above 6000 at 6002.25',
    });
    expect(fired.data.evaluation_time_ms).toBeGreaterThan(0);
    const list = await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${rule.body.id}`);
    expect(list.body).toMatchObject({ total: 1, has_more: false, page: 1, limit: 50 });
    expect(list.body.alerts[0]).toMatchObject({
      id: fired.data.alert_id,
      rule_id: rule.body.id,
      rule_version: 1,
      instrument_symbol: 'ES',
      trigger_value: 6002.25,
      threshold_value: 6000,
      fired_status: 'fired',
      rule_condition: 'above',
    });
    const after = await http<AlertRule>(t.baseUrl, 'GET', `/api/rules/${rule.body.id}`);
    expect(after.body.last_triggered).toBe('2026-01-15T14:31:00.000Z');
    const instrument = await http<Instrument>(t.baseUrl, 'GET', '/api/instruments/1');
    expect(instrument.body).toMatchObject({ last_price: 6002.25, last_tick: '2026-01-15T14:31:00.000Z' });
  });

  it('counts an older tick as late: stored, not evaluated', async () => {
    const res = await http<IngestTicksResponse>(t.baseUrl, 'POST', '/api/market/ticks', {
      ticks: [tick({ price: 7000, timestamp: '2026-01-15T14:00:00.000Z' })],
    });
    expect(res.body).toEqual({ accepted: 1, rejected: [], late: 1 });
    const instrument = await http<Instrument>(t.baseUrl, 'GET', '/api/instruments/1');
    expect(instrument.body.last_price).toBe(6002.25);
  });

  it('holds cooldown in tick time within a burst', async () => {
    const rule = await http<AlertRule>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ instrument_id: 2, threshold: 100, cooldown_seconds: 60 }),
    );
    const burst = [0, 10, 59_999, 60_000, 60_001].map((ms) =>
      tick({ symbol: 'NQ', price: 200, timestamp: new Date(Date.parse('2026-01-15T15:00:00Z') + ms).toISOString() }),
    );
    await http(t.baseUrl, 'POST', '/api/market/ticks', { ticks: burst });
    const list = await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${rule.body.id}`);
    expect(list.body.alerts.map((a) => a.timestamp).sort()).toEqual(['2026-01-15T15:00:00.000Z', '2026-01-15T15:01:00.000Z']);
  });

  it('pages, filters and validates the alert history', async () => {
    const page = await http<AlertListResponse>(t.baseUrl, 'GET', '/api/alerts?limit=1&offset=1');
    expect(page.body).toMatchObject({ limit: 1, page: 2, total: 3, has_more: true });
    expect(page.body.alerts).toHaveLength(1);
    const byDate = await http<AlertListResponse>(t.baseUrl, 'GET', '/api/alerts?date_from=2026-11-23');
    expect(byDate.body).toEqual({ alerts: [], total: 0, has_more: false, page: 1, limit: 50 });
    const zero = await http<ErrorBody>(t.baseUrl, 'GET', '/api/alerts?limit=0');
    expect(zero.status).toBe(422);
    expect(zero.body.detail).toEqual([{ loc: ['query', 'limit'], msg: 'must not be less than 1', type: 'min' }]);
    const badDate = await http<ErrorBody>(t.baseUrl, 'GET', '/api/alerts?date_from=2026-02-30');
    expect(badDate.status).toBe(422);
  });

  it('reports stats and deletes an alert', async () => {
    const stats = await http<AlertStats>(t.baseUrl, 'GET', '/api/alerts/stats');
    expect(stats.body.alerts_by_instrument).toEqual({ ES: 1, NQ: 2 });
    expect(stats.body.alerts_by_rule_type).toEqual({ threshold: 3 });
    expect(stats.body.slowest_evaluation_ms).toBeGreaterThanOrEqual(stats.body.fastest_evaluation_ms);
    const list = await http<AlertListResponse>(t.baseUrl, 'GET', '/api/alerts');
    const id = list.body.alerts[list.body.alerts.length - 1]?.id ?? 0;
    expect(await http(t.baseUrl, 'DELETE', `/api/alerts/${id}`)).toMatchObject({
      status: 200,
      body: { message: `Alert ${id} deleted successfully` },
    });
    const again = await http<ErrorBody>(t.baseUrl, 'DELETE', `/api/alerts/${id}`);
    expect(again.status).toBe(404);
  });

  it('streams tick_update only for subscribed instruments', async () => {
    const client = await WsProbe.connect(t.wsUrl);
    client.send('subscribe', { instruments: ['gc'] });
    await client.next('subscription_acknowledged');
    await http(t.baseUrl, 'POST', '/api/market/ticks', {
      ticks: [
        tick({ symbol: 'CL', price: 70, timestamp: '2026-01-15T16:00:00Z' }),
        tick({ symbol: 'GC', price: 2650, timestamp: '2026-01-15T16:00:00Z' }),
      ],
    });
    const gc = await client.next('tick_update', (m) => m.data.symbol === 'GC');
    expect(gc.data).toMatchObject({ instrument_id: 5, price: 2650, timestamp: '2026-01-15T16:00:00.000Z' });
    await new Promise((r) => setTimeout(r, 300));
    expect(client.ofType('tick_update').map((m) => m.data.symbol)).toEqual(['GC']);
    client.close();
  });

  it('reports health per the contract', async () => {
    const res = await http<HealthResponse>(t.baseUrl, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'healthy', ingestion_active: true, api_connected: true, active_instruments: 12 });
    expect(res.body.total_rules).toBeGreaterThanOrEqual(2);
    expect(res.body.last_alert).toBe('2026-01-15T15:01:00.000Z');
  });
});
