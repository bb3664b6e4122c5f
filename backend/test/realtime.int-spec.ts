import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AlertFired, HealthResponse, RealtimeMessage, RealtimeType, TickUpdate } from '@tradeassist/shared-types';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import type { Principal } from '../src/access';
import { ConfigModule, loadConfig } from '../src/config';
import { configureRealtime, RealtimeModule, RealtimeService, type UpgradeAuthorizer } from '../src/realtime';
import { WsProbe } from './support/ws-client';

/** Just the realtime module, on a random port, as the application wires it. */
interface RealtimeApp {
  app: INestApplication;
  service: RealtimeService;
  url: string;
}

const TESTER: Principal = { userId: 1, username: 'tester', role: 'admin', via: 'api_key', mustChangePassword: false };

// Lets a test drive the upgrade decision with a header.
const authorize: UpgradeAuthorizer = (req) => {
  const mode = req.headers['x-test-auth'];
  if (mode === 'deny') return Promise.resolve(null);
  if (mode === 'fail') return Promise.reject(new Error('session store down'));
  return Promise.resolve(TESTER);
};

async function startRealtimeApp(env: Record<string, string> = {}): Promise<RealtimeApp> {
  const config = loadConfig({ ...process.env, MARKET_FEED: 'none', LOG_LEVEL: 'warn', ...env });
  const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), RealtimeModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureRealtime(app, authorize);
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, service: app.get(RealtimeService), url: `ws://127.0.0.1:${port}/ws/realtime` };
}

async function connected(url: string, options?: WebSocket.ClientOptions): Promise<WsProbe> {
  const probe = await WsProbe.connect(url, options);
  await probe.next('connection_established');
  return probe;
}

/** The next message of that type sent after this point (replies arrive in order on one socket). */
async function replyTo<K extends RealtimeType>(ws: WsProbe, type: K, send: () => void): Promise<RealtimeMessage<K>> {
  const before = ws.messages.length;
  send();
  return ws.next(type, (m) => ws.messages.indexOf(m) >= before);
}

function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('error', reject);
  });
}

const tick = (symbol: string, price: number): TickUpdate => ({
  instrument_id: 1,
  symbol,
  price,
  volume: 1,
  bid: null,
  ask: null,
  timestamp: new Date().toISOString(),
});

const alert = (symbol: string, message = `${symbol} crossed`): AlertFired => ({
  alert_id: 1,
  rule_id: 1,
  rule_name: null,
  instrument_id: 1,
  symbol,
  trigger_value: 1,
  threshold_value: 1,
  condition: 'above',
  priority: 'normal',
  sound: true,
  message,
  timestamp: new Date().toISOString(),
  evaluation_time_ms: 0.1,
});

const health: HealthResponse = {
  status: 'healthy',
  ingestion_active: true,
  last_tick: null,
  api_connected: true,
  active_instruments: 0,
  total_rules: 0,
  last_alert: null,
  version: 'test',
  uptime_seconds: 1,
};

const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('/ws/realtime: RealtimeModule over real sockets', () => {
  let rt: RealtimeApp;
  const open: WsProbe[] = [];
  const client = async (options?: WebSocket.ClientOptions): Promise<WsProbe> => {
    const probe = await connected(rt.url, options);
    open.push(probe);
    return probe;
  };

  beforeAll(async () => {
    rt = await startRealtimeApp({ WS_MAX_TICKS_PER_SECOND: '2' });
  });
  afterEach(() => open.splice(0).forEach((p) => p.close()));
  afterAll(() => rt.app.close());

  it('greets each connection with its id, the server time and the number of connections', async () => {
    const a = await client();
    const b = await client();
    const [ha, hb] = [a.ofType('connection_established')[0], b.ofType('connection_established')[0]];
    expect(ha?.timestamp).toMatch(ISO_Z);
    expect(ha?.data.connection_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(ha?.data.server_time).toMatch(ISO_Z);
    expect(hb?.data.connection_id).not.toBe(ha?.data.connection_id);
    expect(hb?.data.active_connections).toBe((ha?.data.active_connections ?? NaN) + 1);
    expect(rt.service.activeConnections).toBe(hb?.data.active_connections);
  });

  it('answers ping with pong, and counts the reply in messagesSent', async () => {
    const ws = await client();
    const before = rt.service.messagesSent;
    const pong = await replyTo(ws, 'pong', () => ws.send('ping'));
    expect(pong.data.server_time).toMatch(ISO_Z);
    expect(Object.keys(pong.data)).toEqual(['server_time']);
    expect(rt.service.messagesSent).toBe(before + 1);
  });

  it('answers every bad message with the exact error and keeps the connection open', async () => {
    const ws = await client();
    const supported_types = ['ping', 'subscribe', 'unsubscribe'];
    const error = (send: () => void) => replyTo(ws, 'error', send).then((m) => m.data);
    expect(await error(() => ws.socket.send('{not json'))).toEqual({ message: 'Invalid JSON format' });
    expect(await error(() => ws.send('dance'))).toEqual({ message: 'Unknown message type: dance', supported_types });
    expect(await error(() => ws.socket.send('[1,2]'))).toEqual({
      message: 'Message must be a JSON object with a string "type"',
      supported_types,
    });
    expect(await error(() => ws.send('subscribe', { instruments: 'ES' }))).toEqual({
      message: 'Invalid subscribe request: "instruments" must be an array of symbols such as ["ES", "NQ"]',
    });
    expect(await error(() => ws.send('subscribe', { instruments: ['ES', 5] }))).toEqual({
      message: 'Invalid subscribe request: "instruments" must be an array of symbols such as ["ES", "NQ"]',
    });
    expect(await error(() => ws.send('subscribe', { types: ['tick_update', 'pong'] }))).toEqual({
      message: 'Invalid subscribe request: Unknown type "pong" in "types"; subscribable types: tick_update, alert_fired, health_status',
    });
    expect(await error(() => ws.send('unsubscribe', { instruments: ['ES'] }))).toEqual({
      message:
        'Invalid unsubscribe request: you receive every instrument, so there is none to remove; subscribe to the instruments you want instead',
    });
    expect(ws.socket.readyState).toBe(WebSocket.OPEN);
    // Still served, and none of the rejected requests changed what it receives.
    expect((await replyTo(ws, 'pong', () => ws.send('ping'))).type).toBe('pong');
    expect((await replyTo(ws, 'subscription_acknowledged', () => ws.send('subscribe'))).data).toEqual({ instruments: null, types: null });
  });

  it('filters by instrument: an ES subscriber gets ES but nothing about NQ', async () => {
    const es = await client();
    const all = await client();
    const ack = await replyTo(es, 'subscription_acknowledged', () => es.send('subscribe', { instruments: [' es '] }));
    expect(ack.data).toEqual({ instruments: ['ES'], types: null });
    rt.service.publish('tick_update', tick('NQ', 21000), { symbol: 'NQ' });
    rt.service.publish('alert_fired', alert('NQ'), { symbol: 'NQ' });
    rt.service.publish('health_status', health);
    rt.service.publish('tick_update', tick('ES', 6000), { symbol: 'ES' });
    // One socket delivers in order: once the ES tick is here, anything about NQ would have been too.
    await es.next('tick_update', (m) => m.data.symbol === 'ES');
    expect(es.messages.slice(2).map((m) => m.type)).toEqual(['health_status', 'tick_update']);
    await all.next('tick_update', (m) => m.data.symbol === 'ES');
    expect(all.messages.slice(1).map((m) => m.type)).toEqual(['tick_update', 'alert_fired', 'health_status', 'tick_update']);
  });

  it('filters by type: an alert_fired-only subscriber gets alerts of every instrument and nothing else', async () => {
    const ws = await client();
    const ack = await replyTo(ws, 'subscription_acknowledged', () => ws.send('subscribe', { types: ['alert_fired'] }));
    expect(ack.data).toEqual({ instruments: null, types: ['alert_fired'] });
    rt.service.publish('tick_update', tick('ES', 6000), { symbol: 'ES' });
    rt.service.publish('health_status', health);
    rt.service.publish('alert_fired', alert('NQ'), { symbol: 'NQ' });
    rt.service.publish('alert_fired', alert('ES'), { symbol: 'ES' });
    await ws.next('alert_fired', (m) => m.data.symbol === 'ES');
    expect(ws.messages.slice(2).map((m) => `${m.type}:${(m.data as AlertFired).symbol}`)).toEqual(['alert_fired:NQ', 'alert_fired:ES']);
  });

  it('unsubscribes what is listed, and everything with an empty unsubscribe', async () => {
    const ws = await client();
    await replyTo(ws, 'subscription_acknowledged', () => ws.send('subscribe', { instruments: ['ES', 'NQ'] }));
    const partial = await replyTo(ws, 'unsubscription_acknowledged', () => ws.send('unsubscribe', { instruments: ['nq'] }));
    expect(partial.data).toEqual({ instruments: ['ES'], types: null });
    let mark = ws.messages.length;
    rt.service.publish('tick_update', tick('NQ', 21000), { symbol: 'NQ' });
    rt.service.publish('tick_update', tick('ES', 6001), { symbol: 'ES' });
    await ws.next('tick_update', (m) => m.data.price === 6001);
    expect(ws.messages.slice(mark).map((m) => (m.data as TickUpdate).symbol)).toEqual(['ES']);

    const reset = await replyTo(ws, 'unsubscription_acknowledged', () => ws.send('unsubscribe'));
    expect(reset.data).toEqual({ instruments: null, types: null });
    rt.service.publish('tick_update', tick('NQ', 21001), { symbol: 'NQ' });
    await ws.next('tick_update', (m) => m.data.price === 21001);

    const noTicks = await replyTo(ws, 'unsubscription_acknowledged', () => ws.send('unsubscribe', { types: ['tick_update'] }));
    expect(noTicks.data).toEqual({ instruments: null, types: ['alert_fired', 'health_status'] });
    mark = ws.messages.length;
    rt.service.publish('tick_update', tick('NQ', 21002), { symbol: 'NQ' });
    rt.service.publish('alert_fired', alert('NQ'), { symbol: 'NQ' });
    await ws.next('alert_fired');
    expect(ws.messages.slice(mark).map((m) => m.type)).toEqual(['alert_fired']);
  });

  it('conflates a burst to at most N tick_update per second per instrument, ending on the final price', async () => {
    const cl = await client();
    const gc = await client();
    await replyTo(cl, 'subscription_acknowledged', () => cl.send('subscribe', { instruments: ['CL'] }));
    await replyTo(gc, 'subscription_acknowledged', () => gc.send('subscribe', { instruments: ['GC'] }));
    const arrivals: number[] = [];
    cl.socket.on('message', () => arrivals.push(Date.now()));
    const start = Date.now();
    for (let i = 1; i <= 50; i++) rt.service.publishTick(tick('CL', 70 + i / 100));
    await cl.next('tick_update', (m) => m.data.price === 70.5, 3000);
    await new Promise((r) => setTimeout(r, 600)); // nothing else may follow the final price
    const prices = cl.ofType('tick_update').map((m) => m.data.price);
    expect(arrivals.filter((t) => t < start + 1000).length).toBeLessThanOrEqual(2);
    expect(prices).toEqual([70.01, 70.5]);
    rt.service.publish('tick_update', tick('GC', 2000), { symbol: 'GC' });
    await gc.next('tick_update');
    expect(gc.ofType('tick_update').map((m) => m.data.symbol)).toEqual(['GC']);
  });

  it('serializes each broadcast once and writes the identical frame to every client', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => client()));
    const raw = clients.map((c) => {
      const frames: string[] = [];
      c.socket.on('message', (data: Buffer) => frames.push(data.toString()));
      return frames;
    });
    const stringify = jest.spyOn(JSON, 'stringify');
    const serialized = (type: string) => stringify.mock.calls.filter(([v]) => (v as { type?: unknown } | null)?.type === type).length;
    try {
      rt.service.publish('alert_fired', alert('ES'), { symbol: 'ES' });
      rt.service.publishTick(tick('SI', 31)); // a fresh instrument: goes out at once
      expect(serialized('alert_fired')).toBe(1);
      expect(serialized('tick_update')).toBe(1);
    } finally {
      stringify.mockRestore();
    }
    await Promise.all(clients.map((c) => c.next('tick_update', (m) => m.data.symbol === 'SI')));
    expect(raw[0]).toHaveLength(2);
    expect(raw[1]).toEqual(raw[0]);
    expect(raw[2]).toEqual(raw[0]);
  });

  it('skips tick_update for a consumer that has fallen behind, but still delivers every alert', async () => {
    const slow = await client();
    const fast = await client();
    await replyTo(fast, 'subscription_acknowledged', () => fast.send('subscribe', { types: ['tick_update'] }));
    slow.socket.pause(); // stops reading: the server's send buffer for it grows past the bound
    const big = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 500; i++) rt.service.publish('alert_fired', alert('ES', big), { symbol: 'ES' });
    for (let i = 0; i < 3; i++) rt.service.publish('tick_update', tick('ZB', 110 + i), { symbol: 'ZB' });
    rt.service.publish('alert_fired', alert('ES', 'the last one'), { symbol: 'ES' });
    await fast.next('tick_update', (m) => m.data.price === 112);
    slow.socket.resume();
    await slow.next('alert_fired', (m) => m.data.message === 'the last one', 15_000);
    expect(slow.ofType('alert_fired')).toHaveLength(501);
    expect(slow.ofType('tick_update')).toEqual([]);
    expect(fast.ofType('tick_update')).toHaveLength(3);
  });

  it('authorizes at the upgrade: 401 when refused, 500 when the check fails', async () => {
    expect(await upgradeStatus(rt.url, { 'x-test-auth': 'deny' })).toBe(401);
    expect(await upgradeStatus(rt.url, { 'x-test-auth': 'fail' })).toBe(500);
    expect(await upgradeStatus(rt.url, {})).toBe(101);
  });
});

describe('/ws/realtime: heartbeat and shutdown', () => {
  it('terminates a socket that stops answering pings, and keeps the ones that do', async () => {
    const rt = await startRealtimeApp({ WS_HEARTBEAT_SECONDS: '1' });
    try {
      const started = Date.now();
      const silent = await connected(rt.url, { autoPong: false });
      const live = await connected(rt.url);
      const code = await Promise.race([closeCode(silent.socket), new Promise<number>((r) => setTimeout(() => r(-1), 5000))]);
      // 1006: dropped without a close frame, as a dead peer would not read one.
      expect(code).toBe(1006);
      // It is only dropped after missing a ping, so it lives at least one interval.
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(live.socket.readyState).toBe(WebSocket.OPEN);
      await new Promise((r) => setTimeout(r, 1200)); // another sweep: the answering client survives it
      expect(live.socket.readyState).toBe(WebSocket.OPEN);
      expect(rt.service.activeConnections).toBe(1);
      live.close();
    } finally {
      await rt.app.close();
    }
  });

  it('closes every socket with 1001 on shutdown, without waiting long for clients that do not answer', async () => {
    const rt = await startRealtimeApp({ WS_MAX_TICKS_PER_SECOND: '1' });
    const polite = await connected(rt.url);
    const stuck = await connected(rt.url);
    const codes = Promise.all([closeCode(polite.socket), closeCode(stuck.socket)]);
    // A pending conflated tick: its timer must not outlive the module.
    rt.service.publishTick(tick('ES', 1));
    rt.service.publishTick(tick('ES', 2));
    stuck.socket.pause();
    const started = Date.now();
    await rt.app.close();
    expect(Date.now() - started).toBeLessThan(2500);
    expect(rt.service.activeConnections).toBe(0);
    stuck.socket.resume();
    const [politeCode] = await codes;
    expect(politeCode).toBe(1001);
    expect(polite.ofType('tick_update').map((m) => m.data.price)).toEqual([1]);
  });
});
