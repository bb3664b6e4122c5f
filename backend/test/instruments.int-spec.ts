import type { ErrorBody, Instrument } from '@tradeassist/shared-types';
import { DataSource } from 'typeorm';
import { MarketDataService } from '../src/market';
import { TickPipeline } from '../src/pipeline';
import { http, startTestApp, type TestApp } from './support/test-app';

describe('Instruments API (real app, SQLite file)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('seeds the twelve contract instruments, all active, listed by symbol', async () => {
    const res = await http<Instrument[]>(t.baseUrl, 'GET', '/api/instruments');
    expect(res.status).toBe(200);
    expect(res.body.map((i) => i.symbol)).toEqual(['ADD', 'CL', 'ES', 'GC', 'NDX', 'NQ', 'RUT', 'SPX', 'TICK', 'TRIN', 'VIX', 'YM']);
    expect(res.body.every((i) => i.status === 'active')).toBe(true);
    const es = res.body.find((i) => i.symbol === 'ES');
    expect(es).toMatchObject({ id: 1, name: 'E-mini S&P 500', type: 'future', last_tick: null, last_price: null });
    expect(es?.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const ids = Object.fromEntries(res.body.map((i) => [i.symbol, i.id]));
    expect([
      ids['ES'],
      ids['NQ'],
      ids['YM'],
      ids['CL'],
      ids['GC'],
      ids['SPX'],
      ids['NDX'],
      ids['RUT'],
      ids['VIX'],
      ids['TICK'],
      ids['ADD'],
      ids['TRIN'],
    ]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('filters by type and status', async () => {
    const internals = await http<Instrument[]>(t.baseUrl, 'GET', '/api/instruments?type=internal');
    expect(internals.body.map((i) => i.symbol)).toEqual(['ADD', 'TICK', 'TRIN', 'VIX']);
    const bad = await http<ErrorBody>(t.baseUrl, 'GET', '/api/instruments?type=bond');
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toEqual([
      { loc: ['query', 'type'], msg: expect.stringContaining('must be one of the following values') as string, type: 'isIn' },
    ]);
  });

  it('creates with an upper-cased symbol and refuses a duplicate in any case', async () => {
    const created = await http<Instrument>(t.baseUrl, 'POST', '/api/instruments', { symbol: 'aapl', name: 'Apple', type: 'equity' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ symbol: 'AAPL', name: 'Apple', type: 'equity', status: 'active' });
    const dup = await http<ErrorBody>(t.baseUrl, 'POST', '/api/instruments', { symbol: 'Es', name: 'again', type: 'future' });
    expect(dup.status).toBe(400);
    expect(dup.body).toMatchObject({ status_code: 400, error: 'Bad Request', message: "Instrument with symbol 'ES' already exists" });
    expect(dup.body.detail).toBe("Instrument with symbol 'ES' already exists");
    expect(typeof dup.body.correlation_id).toBe('string');
  });

  it('updates name and status, and deletes', async () => {
    const created = await http<Instrument>(t.baseUrl, 'POST', '/api/instruments', { symbol: 'MSFT', name: 'Microsoft', type: 'equity' });
    const updated = await http<Instrument>(t.baseUrl, 'PUT', `/api/instruments/${created.body.id}`, { status: 'inactive' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ symbol: 'MSFT', name: 'Microsoft', status: 'inactive' });
    const active = await http<Instrument[]>(t.baseUrl, 'GET', '/api/instruments?active_only=true');
    expect(active.body.map((i) => i.symbol)).not.toContain('MSFT');
    const del = await http(t.baseUrl, 'DELETE', `/api/instruments/${created.body.id}`);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ message: `Instrument ${created.body.id} deleted successfully` });
    const gone = await http<ErrorBody>(t.baseUrl, 'GET', `/api/instruments/${created.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 'INSTRUMENT_NOT_FOUND', message: `Instrument with ID ${created.body.id} not found` });
  });

  it('lists every invalid field at once with 422', async () => {
    const res = await http<ErrorBody>(t.baseUrl, 'POST', '/api/instruments', { symbol: '', type: 'bond', extra: 1 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const locs = (res.body.detail as { loc: string[] }[]).map((d) => d.loc.join('.'));
    expect(locs).toEqual(expect.arrayContaining(['body.symbol', 'body.name', 'body.type', 'body.extra']));
    expect(res.body.message).toMatch(/^\d+ fields are invalid$/);
  });
});

describe('Deleting an instrument whose ticks are still buffered (real app)', () => {
  let t: TestApp;
  // A long flush interval so the ticks are surely still in memory when the instrument goes.
  beforeAll(async () => {
    t = await startTestApp({ TICK_FLUSH_MS: '10000' });
  });
  afterAll(() => t.close());

  const storedTicks = async (symbol: string): Promise<number> => {
    const sql = 'SELECT COUNT(*) AS n FROM ticks t JOIN instruments i ON i.id = t.instrument_id WHERE i.symbol = ?';
    const rows = await t.app.get(DataSource).query<{ n: number }[]>(sql, [symbol]);
    return Number(rows[0]?.n);
  };

  it('drops its ticks and bars, and every other instrument keeps flowing', async () => {
    const created = await http<Instrument>(t.baseUrl, 'POST', '/api/instruments', { symbol: 'GONE', name: 'Soon gone', type: 'equity' });
    const id = created.body.id;
    // The path the market feeds take (the ingest API flushes before it answers, feeds do not).
    const pipeline = t.app.get(TickPipeline);
    const at = Date.parse('2026-01-15T14:30:00Z');
    const feedTick = (instrumentId: number, symbol: string, ts: number) => ({
      instrumentId,
      symbol,
      ts,
      price: 10,
      bid: null,
      ask: null,
      volume: 1,
    });
    await pipeline.process([feedTick(id, 'GONE', at), feedTick(1, 'ES', at)]);
    expect((await http(t.baseUrl, 'DELETE', `/api/instruments/${id}`)).status).toBe(200);
    const market = t.app.get(MarketDataService);
    await market.flush();
    expect(await storedTicks('ES')).toBe(1);

    await pipeline.process([feedTick(1, 'ES', at + 1000)]);
    await market.flush();
    expect(await storedTicks('ES')).toBe(2);
    expect(t.logs.some((l) => l.includes('Tick batch'))).toBe(false);
    expect((await http(t.baseUrl, 'GET', '/api/health')).status).toBe(200);
  });
});
