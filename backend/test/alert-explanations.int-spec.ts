import type { AlertDetail, AlertListResponse, AlertRule, ErrorBody, Instrument } from '@tradeassist/shared-types';
import { ruleBody, tick } from './support/factories';
import { http, startTestApp, type TestApp } from './support/test-app';

describe('Alert explanations: GET /api/alerts/{id} (real app)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('explains a firing with its inputs and the rule version it fired under, after edits too', async () => {
    const rule = await http<AlertRule>(t.baseUrl, 'POST', '/api/rules', ruleBody({ instrument_id: 2, threshold: 21000, name: 'NQ up' }));
    await http(t.baseUrl, 'POST', '/api/market/ticks', {
      ticks: [
        tick({ symbol: 'NQ', price: 20990, timestamp: '2026-01-15T15:00:00.000Z' }),
        tick({ symbol: 'NQ', price: 21004.5, volume: 7, bid: 21004.25, ask: 21004.75, timestamp: '2026-01-15T15:00:01.000Z' }),
      ],
    });
    const list = await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${rule.body.id}`);
    const alertId = list.body.alerts[0]?.id;
    await http(t.baseUrl, 'PUT', `/api/rules/${rule.body.id}`, { threshold: 22000 });

    const res = await http<AlertDetail>(t.baseUrl, 'GET', `/api/alerts/${alertId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: alertId, rule_id: rule.body.id, rule_version: 1, trigger_value: 21004.5 });
    expect(res.body.explanation).toEqual({
      measure: 'price',
      trigger_value: 21004.5,
      threshold_value: 21000,
      price: 21004.5,
      price_source: 'last',
      bid: 21004.25,
      ask: 21004.75,
      volume: 7,
      previous_price: 20990,
      reference_price: null,
      window_seconds: null,
      indicators: null,
      conditions: null,
      evaluated_on: 'tick',
      bar_interval: null,
      bar_start: null,
    });
    expect(res.body.rule_definition).toMatchObject({ version: 1, change: 'created', definition: { threshold: 21000, name: 'NQ up' } });
    const missing = await http<ErrorBody>(t.baseUrl, 'GET', '/api/alerts/999999');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'ALERT_NOT_FOUND' });
  });

  it('explains a rate-of-change firing with its reference price and window', async () => {
    const rule = await http<AlertRule>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ instrument_id: 4, rule_type: 'rate_of_change', condition: 'percent_change_up', threshold: 1, time_window_seconds: 30 }),
    );
    const symbol = (await http<Instrument>(t.baseUrl, 'GET', '/api/instruments/4')).body.symbol;
    await http(t.baseUrl, 'POST', '/api/market/ticks', {
      ticks: [
        tick({ symbol, price: 100, timestamp: '2026-01-15T16:00:00.000Z' }),
        tick({ symbol, price: 102, timestamp: '2026-01-15T16:00:10.000Z' }),
      ],
    });
    const list = await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${rule.body.id}`);
    expect(list.body.total).toBe(1);
    const res = await http<AlertDetail>(t.baseUrl, 'GET', `/api/alerts/${list.body.alerts[0]?.id}`);
    expect(res.body.explanation).toMatchObject({
      measure: 'percent_change',
      trigger_value: 2,
      threshold_value: 1,
      price: 102,
      previous_price: 100,
      reference_price: 100,
      window_seconds: 30,
    });
  });
});
