import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedContext, FeedTick } from './market-feed';
import { ReplayFeed } from './replay-feed';

const dir = mkdtempSync(join(tmpdir(), 'replay-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function context() {
  const ticks: FeedTick[] = [];
  const warnings: string[] = [];
  const ctx: FeedContext = { instruments: () => [], emit: (b) => ticks.push(...b), warn: (m) => warnings.push(m), now: () => Date.now() };
  return { ctx, ticks, warnings };
}

const CSV = `ts,symbol,price,volume,bid,ask
2026-11-20T14:30:00.000Z,ES,6000.25,3,6000,6000.5
2026-11-20T14:30:00.100Z,nq,21000,1,,
1763649000200,ES,6000.5,2,6000.25,6000.75
`;

describe('ReplayFeed', () => {
  it('replays a CSV file with its original timestamps, in order', async () => {
    const { ctx, ticks, warnings } = context();
    const feed = new ReplayFeed(file('a.csv', CSV), 0, false);
    await feed.start(ctx);
    await feed.finished();
    expect(warnings).toEqual([]);
    expect(ticks).toEqual([
      { symbol: 'ES', tsMs: Date.parse('2026-11-20T14:30:00.000Z'), price: 6000.25, volume: 3, bid: 6000, ask: 6000.5 },
      { symbol: 'NQ', tsMs: Date.parse('2026-11-20T14:30:00.100Z'), price: 21000, volume: 1, bid: null, ask: null },
      { symbol: 'ES', tsMs: 1763649000200, price: 6000.5, volume: 2, bid: 6000.25, ask: 6000.75 },
    ]);
    expect(feed.status()).toMatchObject({ running: false, ticks_emitted: 3 });
  });

  it('replays JSON lines and reports bad lines by number without stopping', async () => {
    const { ctx, ticks, warnings } = context();
    const jsonl = [
      '{"ts":"2026-11-20T14:30:00Z","symbol":"ES","price":1,"volume":1}',
      'not json',
      '{"ts":"x","symbol":"ES","price":1}',
      '',
      '{"ts":1763649000000,"symbol":"CL","price":"oops"}',
      '{"ts":1763649001000,"symbol":"CL","price":70}',
    ].join('\n');
    const feed = new ReplayFeed(file('b.jsonl', jsonl), 0, false);
    await feed.start(ctx);
    await feed.finished();
    expect(ticks.map((t) => [t.symbol, t.price])).toEqual([
      ['ES', 1],
      ['CL', 70],
    ]);
    expect(warnings).toEqual([
      'Replay file line 2 skipped: not valid JSON',
      'Replay file line 3 skipped: ts must be ISO-8601 or epoch milliseconds',
      'Replay file line 5 skipped: price must be a number',
    ]);
  });

  it('paces by the gaps between timestamps divided by the speed factor', async () => {
    const { ctx, ticks } = context();
    const csv = 'ts,symbol,price,volume\n1000,ES,1,1\n1200,ES,2,1\n1400,ES,3,1\n';
    const feed = new ReplayFeed(file('c.csv', csv), 2, false);
    const started = Date.now();
    await feed.start(ctx);
    await feed.finished();
    const elapsed = Date.now() - started;
    expect(ticks).toHaveLength(3);
    // 400 ms of stream time at 2× speed is about 200 ms of wall time.
    expect(elapsed).toBeGreaterThanOrEqual(180);
    expect(elapsed).toBeLessThan(1500);
  });

  it('loops with timestamps shifted forward so event time keeps increasing', async () => {
    const { ctx, ticks } = context();
    const feed = new ReplayFeed(file('d.csv', 'ts,symbol,price,volume\n1000,ES,1,1\n1009,ES,2,1\n'), 0, true);
    await feed.start(ctx);
    while (ticks.length < 6) await new Promise((r) => setTimeout(r, 5));
    await feed.stop();
    expect(ticks.slice(0, 6).map((t) => t.tsMs)).toEqual([1000, 1009, 1010, 1019, 1020, 1029]);
  });

  it('reports a missing file and does not start', async () => {
    const { ctx, warnings } = context();
    const feed = new ReplayFeed(join(dir, 'nope.csv'), 1, false);
    await feed.start(ctx);
    expect(feed.status()).toEqual({ running: false, ticks_emitted: 0, detail: `replay file ${join(dir, 'nope.csv')} not found` });
    expect(warnings).toEqual([`Replay feed not started: replay file ${join(dir, 'nope.csv')} not found`]);
  });
});
