import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Instrument } from '@tradeassist/shared-types';
import { DashboardStore, SPARK_POINTS } from './dashboard.store';

const ES: Instrument = {
  id: 1,
  symbol: 'ES',
  name: 'E-mini S&P 500',
  type: 'future',
  status: 'active',
  last_tick: null,
  last_price: 6000,
  created_at: '2026-11-22T00:00:00.000Z',
};
const tick = (price: number) => ({
  instrument_id: 1,
  symbol: 'ES',
  price,
  volume: 1,
  bid: price - 0.25,
  ask: price + 0.25,
  timestamp: '2026-11-22T14:30:00.000Z',
});

describe('DashboardStore', () => {
  let store: DashboardStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [DashboardStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(DashboardStore);
    http = TestBed.inject(HttpTestingController);
    const loading = store.load();
    http.expectOne('/api/instruments').flush([ES]);
    http
      .expectOne((r) => r.url === '/api/alerts' && r.params.get('limit') === '20')
      .flush({ alerts: [], total: 0, has_more: false, page: 1, limit: 20 });
    await loading;
  });

  afterEach(() => http.verify());

  it('starts each quote from the last stored price and tracks change, direction and history', () => {
    expect(store.rows()[0]?.quote?.price).toBe(6000);
    store.applyTick(tick(6002.5));
    store.applyTick(tick(6001));
    const row = store.rows()[0];
    expect(row?.change).toBeCloseTo(1);
    expect(row?.changePct).toBeCloseTo((1 / 6000) * 100);
    expect(row?.quote).toMatchObject({ price: 6001, bid: 6000.75, direction: 'down', seq: 2, history: [6000, 6002.5, 6001] });
  });

  it('keeps the sparkline bounded', () => {
    for (let i = 0; i < SPARK_POINTS + 20; i++) store.applyTick(tick(6000 + i));
    expect(store.rows()[0]?.quote?.history).toHaveLength(SPARK_POINTS);
    expect(store.rows()[0]?.quote?.history.at(-1)).toBe(6000 + SPARK_POINTS + 19);
  });

  it('puts new alerts first and never twice', () => {
    const alert = {
      alert_id: 7,
      rule_id: 1,
      rule_name: 'ES up',
      instrument_id: 1,
      symbol: 'ES',
      trigger_value: 6001,
      threshold_value: 6000,
      condition: 'above' as const,
      priority: 'normal' as const,
      message: 'ES is above 6000 at 6001',
      timestamp: '2026-11-22T14:30:00.000Z',
      evaluation_time_ms: 0.01,
    };
    store.addAlert(alert);
    store.addAlert({ ...alert, alert_id: 8 });
    store.addAlert(alert);
    expect(store.alerts().map((a) => a.id)).toEqual([7, 8]);
  });
});
