import { TestBed } from '@angular/core/testing';
import type { TickUpdate } from '@tradeassist/shared-types';
import { aHealth, aTick } from '../../../testing/factories';
import { FakeSocketFactory } from '../../../testing/fake-socket';
import { REALTIME_TIMING, RealtimeService, SOCKET_FACTORY } from './realtime.service';

const URL = 'ws://console.test/ws/realtime';

describe('RealtimeService', () => {
  let sockets: FakeSocketFactory;
  let service: RealtimeService;

  beforeEach(() => {
    jest.useFakeTimers();
    // No jitter: every backoff is exactly its base delay.
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    sockets = new FakeSocketFactory();
    TestBed.configureTestingModule({ providers: [{ provide: SOCKET_FACTORY, useValue: sockets.create }] });
    service = TestBed.inject(RealtimeService);
  });

  afterEach(() => {
    service.disconnect();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('goes live on open and delivers typed messages by type, ignoring frames that are not envelopes', () => {
    const ticks: TickUpdate[] = [];
    service.on('tick_update').subscribe((t) => ticks.push(t));
    service.connect(URL);
    expect(sockets.last.url).toBe(URL);
    expect(service.state()).toBe('connecting');
    sockets.last.open();
    expect(service.state()).toBe('live');

    sockets.last.raw('not json');
    sockets.last.raw(JSON.stringify({ data: { symbol: 'ES' } }));
    sockets.last.push('pong', { server_time: '2026-11-22T14:30:00.000Z' });
    sockets.last.push('tick_update', aTick({ price: 6001.25 }));
    expect(ticks).toEqual([aTick({ price: 6001.25 })]);
  });

  it('keeps the latest health_status push as a signal', () => {
    service.connect(URL);
    sockets.last.open();
    expect(service.health()).toBeNull();
    sockets.last.push('health_status', aHealth({ status: 'degraded', ingestion_active: false }));
    expect(service.health()).toMatchObject({ status: 'degraded', ingestion_active: false });
  });

  it('reconnects with doubling backoff, says offline after repeated failures, and re-sends the subscription', () => {
    service.connect(URL);
    sockets.last.open();
    service.subscribe({ instruments: ['ES'], types: ['tick_update'] });
    expect(sockets.last.sent).toEqual([{ type: 'subscribe', data: { instruments: ['ES'], types: ['tick_update'] } }]);

    sockets.last.drop();
    expect(service.state()).toBe('reconnecting');
    jest.advanceTimersByTime(REALTIME_TIMING.firstBackoffMs - 1);
    expect(sockets.sockets).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(sockets.sockets).toHaveLength(2);

    // Three more failures in a row: 1 s, 2 s, 4 s apart; the fourth makes the chip say offline.
    for (const [i, delay] of [1000, 2000, 4000].entries()) {
      sockets.last.drop();
      expect(service.state()).toBe(i < 2 ? 'reconnecting' : 'offline');
      jest.advanceTimersByTime(delay);
      expect(sockets.sockets).toHaveLength(3 + i);
    }

    sockets.last.open();
    expect(service.state()).toBe('live');
    expect(sockets.last.sent).toEqual([{ type: 'subscribe', data: { instruments: ['ES'], types: ['tick_update'] } }]);
    // A success resets the backoff.
    sockets.last.drop();
    jest.advanceTimersByTime(REALTIME_TIMING.firstBackoffMs);
    expect(sockets.sockets).toHaveLength(6);
  });

  it('forgets the subscription on unsubscribe, now and after a reconnect', () => {
    service.connect(URL);
    sockets.last.open();
    service.subscribe({ types: ['alert_fired'] });
    service.unsubscribe();
    expect(sockets.last.sent).toEqual([{ type: 'subscribe', data: { types: ['alert_fired'] } }, { type: 'unsubscribe' }]);
    sockets.last.drop();
    jest.advanceTimersByTime(REALTIME_TIMING.firstBackoffMs);
    sockets.last.open();
    expect(sockets.last.sent).toEqual([]);
  });

  it('caps the backoff', () => {
    service.connect(URL);
    for (let i = 0; i < 12; i++) {
      sockets.last.drop();
      jest.advanceTimersByTime(REALTIME_TIMING.maxBackoffMs);
    }
    expect(sockets.sockets).toHaveLength(13);
  });

  it('stops for good on disconnect', () => {
    service.connect(URL);
    sockets.last.open();
    sockets.last.drop();
    service.disconnect();
    jest.advanceTimersByTime(60_000);
    expect(sockets.sockets).toHaveLength(1);
    expect(service.state()).toBe('connecting');
    expect(service.send('ping')).toBe(false);
  });

  it('pings while open and drops a connection that has gone silent', () => {
    service.connect(URL);
    const first = sockets.last;
    first.open();
    jest.advanceTimersByTime(REALTIME_TIMING.pingEveryMs);
    expect(first.sent).toEqual([{ type: 'ping' }]);
    first.push('pong', { server_time: new Date().toISOString() });

    // Nothing more from the server: the watchdog closes it and a new socket follows.
    jest.advanceTimersByTime(REALTIME_TIMING.silenceLimitMs + REALTIME_TIMING.pingEveryMs);
    expect(first.closeCalls).toBe(1);
    expect(service.state()).toBe('reconnecting');
    jest.advanceTimersByTime(REALTIME_TIMING.firstBackoffMs);
    expect(sockets.sockets).toHaveLength(2);
  });

  it('retries at once when the browser comes back online', () => {
    service.connect(URL);
    sockets.last.drop();
    window.dispatchEvent(new Event('online'));
    expect(sockets.sockets).toHaveLength(2);
  });
});
