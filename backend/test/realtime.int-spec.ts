import WebSocket from 'ws';
import { RealtimeService } from '../src/realtime';
import { http, startTestApp, type TestApp } from './support/test-app';
import { WsProbe } from './support/ws-client';

describe('/ws/realtime (real app, real ws clients)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WS_MAX_TICKS_PER_SECOND: '2', WS_HEARTBEAT_SECONDS: '1' });
  });
  afterAll(() => t.close());

  it('greets, answers ping, and explains bad messages without closing', async () => {
    const ws = await WsProbe.connect(t.wsUrl);
    const hello = await ws.next('connection_established');
    expect(hello.data.connection_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(hello.data.active_connections).toBeGreaterThanOrEqual(1);
    expect(hello.timestamp).toMatch(/Z$/);
    ws.send('ping');
    expect((await ws.next('pong')).data.server_time).toMatch(/Z$/);
    ws.socket.send('{not json');
    expect((await ws.next('error', (m) => m.data.message === 'Invalid JSON format')).data).toEqual({ message: 'Invalid JSON format' });
    ws.send('dance');
    const unknown = await ws.next('error', (m) => m.data.message.startsWith('Unknown'));
    expect(unknown.data).toEqual({ message: 'Unknown message type: dance', supported_types: ['ping', 'subscribe', 'unsubscribe'] });
    ws.send('subscribe', { instruments: 'ES' });
    expect((await ws.next('error', (m) => m.data.message.startsWith('Invalid subscribe'))).data.message).toContain(
      '"instruments" must be an array',
    );
    expect(ws.socket.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('filters by type, unsubscribes back to everything', async () => {
    const ws = await WsProbe.connect(t.wsUrl);
    ws.send('subscribe', { types: ['alert_fired'] });
    expect((await ws.next('subscription_acknowledged')).data).toEqual({ instruments: null, types: ['alert_fired'] });
    await http(t.baseUrl, 'POST', '/api/market/ticks', { ticks: [{ symbol: 'YM', price: 44000 }] });
    await new Promise((r) => setTimeout(r, 200));
    expect(ws.ofType('tick_update')).toEqual([]);
    ws.send('unsubscribe');
    expect((await ws.next('unsubscription_acknowledged')).data).toEqual({ instruments: null, types: null });
    await new Promise((r) => setTimeout(r, 600));
    await http(t.baseUrl, 'POST', '/api/market/ticks', { ticks: [{ symbol: 'YM', price: 44001 }] });
    expect((await ws.next('tick_update')).data.price).toBe(44001);
    ws.close();
  });

  it('conflates a burst to N per second and ends on the last price', async () => {
    const ws = await WsProbe.connect(t.wsUrl);
    ws.send('subscribe', { instruments: ['RUT'] });
    await ws.next('subscription_acknowledged');
    const base = Date.now() - 10_000;
    const ticks = Array.from({ length: 50 }, (_, i) => ({ symbol: 'RUT', price: 2300 + i, timestamp: new Date(base + i).toISOString() }));
    await http(t.baseUrl, 'POST', '/api/market/ticks', { ticks });
    await ws.next('tick_update', (m) => m.data.price === 2349, 3000);
    expect(ws.ofType('tick_update').map((m) => m.data.price)).toEqual([2300, 2349]);
    ws.close();
  });

  it('serializes each broadcast once whatever the number of clients', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => WsProbe.connect(t.wsUrl)));
    await Promise.all(clients.map((c) => c.next('connection_established')));
    const spy = jest.spyOn(JSON, 'stringify');
    t.app.get(RealtimeService).publish('health_status', { status: 'healthy' } as never);
    const calls = spy.mock.calls.filter(([v]) => (v as { type?: string } | null)?.type === 'health_status').length;
    spy.mockRestore();
    expect(calls).toBe(1);
    await Promise.all(clients.map((c) => c.next('health_status')));
    clients.forEach((c) => c.close());
  });

  it('closes a socket that stops answering pings', async () => {
    const silent = await WsProbe.connect(t.wsUrl, { autoPong: false });
    const closed = new Promise<number>((resolve) => silent.socket.on('close', (code) => resolve(code)));
    const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 5000))]);
    expect(code).toBe(1006);
  });
});
