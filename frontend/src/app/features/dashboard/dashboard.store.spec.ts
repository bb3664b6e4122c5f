import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Instrument } from '@tradeassist/shared-types';
import { aHealth, anAlertFired, anAlertLog, anInstrument, aTick } from '../../../testing/factories';
import { FakeSocketFactory, type FakeSocket } from '../../../testing/fake-socket';
import { QuoteBook } from '../../core/realtime/quote-book';
import { RealtimeService, SOCKET_FACTORY } from '../../core/realtime/realtime.service';
import { DashboardStore } from './dashboard.store';

describe('DashboardStore', () => {
  let store: DashboardStore;
  let http: HttpTestingController;
  let socket: FakeSocket;

  function flushLoad(instruments: Instrument[], alerts = [anAlertLog()]): void {
    http.expectOne('/api/instruments').flush(instruments);
    http
      .expectOne((r) => r.url === '/api/alerts' && r.params.get('limit') === '20')
      .flush({ alerts, total: alerts.length, has_more: false, page: 1, limit: 20 });
    http.expectOne('/api/health').flush(aHealth({ total_rules: 3 }));
  }

  beforeEach(async () => {
    const sockets = new FakeSocketFactory();
    TestBed.configureTestingModule({
      providers: [DashboardStore, provideHttpClient(), provideHttpClientTesting(), { provide: SOCKET_FACTORY, useValue: sockets.create }],
    });
    TestBed.inject(QuoteBook).start();
    TestBed.inject(RealtimeService).connect('ws://x/ws/realtime');
    socket = sockets.last;
    socket.open();
    store = TestBed.inject(DashboardStore);
    http = TestBed.inject(HttpTestingController);
    const loading = store.load();
    flushLoad([anInstrument(), anInstrument({ id: 2, symbol: 'OLD', status: 'inactive', last_price: 10 })]);
    await loading;
  });

  afterEach(() => {
    TestBed.inject(RealtimeService).disconnect();
    http.verify();
  });

  it('lists active instruments only, priced from the stored last price until ticks arrive', () => {
    expect(store.loading()).toBe(false);
    expect(store.rows().map((r) => r.instrument.symbol)).toEqual(['ES']);
    expect(store.rows()[0]).toMatchObject({ quote: { price: 6000 }, change: 0, changePct: 0 });
  });

  it('prices rows from the live ticks with change since the first price seen', () => {
    socket.push('tick_update', aTick({ price: 6030 }));
    const row = store.rows()[0];
    expect(row?.quote).toMatchObject({ price: 6030, bid: 5999.75, direction: 'up' });
    expect(row?.change).toBeCloseTo(30);
    expect(row?.changePct).toBeCloseTo(0.5);
  });

  it('loads the recent history, then puts pushed alerts first and never twice', () => {
    expect(store.alerts().map((a) => a.id)).toEqual([3]);
    socket.push('alert_fired', anAlertFired({ alert_id: 7 }));
    socket.push('alert_fired', anAlertFired({ alert_id: 8, rule_name: null, rule_id: 5 }));
    socket.push('alert_fired', anAlertFired({ alert_id: 7 }));
    expect(store.alerts().map((a) => a.id)).toEqual([8, 7, 3]);
    expect(store.alerts()[0]).toMatchObject({ symbol: 'ES', ruleName: 'Rule 5', message: 'ES is above 6100 at 6101' });
  });

  it('after a reconnect, fetches what it missed and keeps the feed newest first', async () => {
    socket.push('alert_fired', anAlertFired({ alert_id: 7 }));
    socket.push('connection_established', { connection_id: 'c2', server_time: '2026-11-22T14:40:00.000Z', active_connections: 1 });
    flushLoad([anInstrument()], [anAlertLog({ id: 9 }), anAlertLog({ id: 7 }), anAlertLog({ id: 5 })]);
    await new Promise((r) => setTimeout(r));
    expect(store.alerts().map((a) => a.id)).toEqual([9, 7, 5, 3]);
  });

  it('marks the health report stale while the socket is down', () => {
    expect(store.healthStale()).toBe(false);
    socket.drop();
    expect(store.healthStale()).toBe(true);
  });

  it('shows the fetched health until the server pushes a newer report', () => {
    expect(store.health()).toMatchObject({ status: 'healthy', total_rules: 3 });
    socket.push('health_status', aHealth({ status: 'degraded', ingestion_active: false }));
    expect(store.health()).toMatchObject({ status: 'degraded', ingestion_active: false });
  });

  it('takes the last alert time from the feed when it is newer than the health report', () => {
    expect(store.health()?.last_alert).toBe('2026-11-22T14:00:00.000Z');
    socket.push('alert_fired', anAlertFired({ alert_id: 9, timestamp: '2026-11-22T14:35:00.000Z' }));
    expect(store.health()?.last_alert).toBe('2026-11-22T14:35:00.000Z');
  });

  it('fetches the list again when an instrument it does not show starts streaming', async () => {
    socket.push('tick_update', aTick({ symbol: 'NEW', instrument_id: 9, price: 5 }));
    socket.push('tick_update', aTick({ symbol: 'NEW', instrument_id: 9, price: 6 }));
    flushLoad([anInstrument(), anInstrument({ id: 9, symbol: 'NEW', last_price: 5 })], []);
    await new Promise((r) => setTimeout(r));
    expect(store.rows().map((r) => r.instrument.symbol)).toEqual(['ES', 'NEW']);
    expect(store.rows()[1]?.quote?.price).toBe(6);
  });

  it('does not keep reloading for ticks of an instrument that stays inactive', async () => {
    socket.push('tick_update', aTick({ symbol: 'OLD', instrument_id: 2, price: 11 }));
    flushLoad([anInstrument(), anInstrument({ id: 2, symbol: 'OLD', status: 'inactive' })], []);
    await new Promise((r) => setTimeout(r));
    socket.push('tick_update', aTick({ symbol: 'OLD', instrument_id: 2, price: 12 }));
    http.expectNone('/api/instruments');
    expect(store.rows().map((r) => r.instrument.symbol)).toEqual(['ES']);
  });

  it('shows the server’s message when loading fails', async () => {
    const loading = store.load();
    http.expectOne('/api/instruments').flush({ message: 'Authentication required' }, { status: 401, statusText: 'Unauthorized' });
    http.expectOne((r) => r.url === '/api/alerts').flush({ alerts: [], total: 0, has_more: false, page: 1, limit: 20 });
    http.expectOne('/api/health').flush(aHealth());
    await loading;
    expect(store.error()).toBe('Authentication required');
  });
});
