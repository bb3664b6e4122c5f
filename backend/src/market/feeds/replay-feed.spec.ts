import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeedContext, FeedInstrument, FeedTick } from './market-feed';
import { MAX_BAD_LINE_WARNINGS, ReplayFeed, type ReplayFeedOptions } from './replay-feed';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'replay-feed-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const ACTIVE: FeedInstrument[] = ['ES', 'NQ', 'CL'].map((symbol) => ({ symbol, type: 'future', lastPrice: null }));

/** A host on a virtual clock: sleeping advances it, so pacing is exact and instant. */
function virtualHost(onEmit?: (clock: { t: number }) => void) {
  const clock = { t: 1_000 };
  const batches: { at: number; ticks: FeedTick[] }[] = [];
  const warnings: { message: string; meta?: Record<string, unknown> }[] = [];
  const sleeps: number[] = [];
  const ctx: FeedContext = {
    instruments: () => ACTIVE,
    emit: (ticks) => {
      batches.push({ at: clock.t, ticks });
      onEmit?.(clock);
    },
    warn: (message, meta) => warnings.push(meta ? { message, meta } : { message }),
    now: () => clock.t,
  };
  const sleep = (ms: number): Promise<void> => {
    sleeps.push(ms);
    clock.t += ms;
    return Promise.resolve();
  };
  const feed = (options: Omit<ReplayFeedOptions, 'sleep'>) => new ReplayFeed({ ...options, sleep });
  const ticks = () => batches.flatMap((b) => b.ticks);
  const messages = () => warnings.map((w) => w.message);
  return { ctx, batches, warnings, sleeps, feed, ticks, messages };
}

async function play(host: ReturnType<typeof virtualHost>, options: Omit<ReplayFeedOptions, 'sleep'>): Promise<ReplayFeed> {
  const feed = host.feed(options);
  await feed.start(host.ctx);
  await feed.finished();
  return feed;
}

const tick = (
  symbol: string,
  tsMs: number,
  price: number,
  volume: number,
  bid: number | null = null,
  ask: number | null = null,
): FeedTick => ({
  symbol,
  tsMs,
  price,
  bid,
  ask,
  volume,
});

describe('ReplayFeed reading', () => {
  it('replays a CSV file tick for tick with its original timestamps, in file order', async () => {
    const host = virtualHost();
    const file = fixture(
      'session.csv',
      'ts,symbol,price,volume,bid,ask\n' +
        '2026-11-20T14:30:00.000Z,ES,6000.25,3,6000,6000.5\n' +
        '2026-11-20T14:30:00.100Z,nq,21000,1,,\n' +
        '1763649000200,ES,6000.5,2,6000.25,6000.75\n' +
        '2026-11-20T09:30:00.300-05:00,CL,70.01,0\n',
    );
    const feed = await play(host, { file, speed: 0, loop: false });
    expect(host.warnings).toEqual([]);
    expect(host.ticks()).toEqual([
      tick('ES', Date.parse('2026-11-20T14:30:00.000Z'), 6000.25, 3, 6000, 6000.5),
      tick('NQ', Date.parse('2026-11-20T14:30:00.100Z'), 21000, 1),
      tick('ES', 1763649000200, 6000.5, 2, 6000.25, 6000.75),
      tick('CL', Date.parse('2026-11-20T14:30:00.300Z'), 70.01, 0),
    ]);
    expect(feed.status()).toEqual({ running: false, ticks_emitted: 4, detail: `finished ${file}: 4 ticks in 1 pass` });
  });

  it('replays JSON lines, by extension or by a leading brace, with `timestamp` as an alias of `ts`', async () => {
    const lines = [
      '{"ts":"2026-11-20T14:30:00Z","symbol":"ES","price":6001,"volume":2,"bid":6000.75,"ask":6001.25}',
      '',
      '{"timestamp":1763649001000,"symbol":"CL","price":"70.5"}',
    ].join('\n');
    for (const name of ['a.jsonl', 'a.ndjson', 'a.txt']) {
      const host = virtualHost();
      await play(host, { file: fixture(name, lines), speed: 0, loop: false });
      expect([name, host.ticks()]).toEqual([
        name,
        [tick('ES', Date.parse('2026-11-20T14:30:00Z'), 6001, 2, 6000.75, 6001.25), tick('CL', 1763649001000, 70.5, 0)],
      ]);
      expect(host.warnings).toEqual([]);
    }
  });

  it('warns about each bad CSV line by its number and plays the rest (BOM, CRLF, blank lines, quotes)', async () => {
    const host = virtualHost();
    const csv = [
      '\uFEFFTS,Symbol,Price,Volume,Bid,Ask', // 1
      '1000,ES,1,1', // 2
      '1001,ES,"x,1', // 3: a stray quote must not swallow the lines after it
      '', // 4
      'yesterday,ES,1,1', // 5
      '1002,"NQ",2,1,9,9,9', // 6: extra columns are ignored
      '1003,ES', // 7
      '1004,ES,3,-1', // 8
      '1005,,3,1', // 9
      '1006,ES,4,2,abc,', // 10
      '1007,CL,5,1', // 11
    ].join('\r\n');
    await play(host, { file: fixture('bad.csv', csv), speed: 0, loop: false });
    expect(host.ticks().map((t) => [t.symbol, t.tsMs, t.price])).toEqual([
      ['ES', 1000, 1],
      ['NQ', 1002, 2],
      ['CL', 1007, 5],
    ]);
    expect(host.messages()).toEqual([
      'Replay file line 3 skipped: price must be a number',
      'Replay file line 5 skipped: ts must be ISO-8601 or epoch milliseconds',
      'Replay file line 7 skipped: price must be a number',
      'Replay file line 8 skipped: volume must be a non-negative number',
      'Replay file line 9 skipped: symbol is missing',
      'Replay file line 10 skipped: bid and ask must be numbers when present',
    ]);
    expect(host.warnings[0]!.meta).toMatchObject({ line: 3 });
  });

  it('warns about each bad JSON line by its number and plays the rest', async () => {
    const host = virtualHost();
    const jsonl = [
      '{"ts":1000,"symbol":"ES","price":1,"volume":1}',
      'not json',
      '[1,2]',
      '{"ts":"soon","symbol":"ES","price":1}',
      '',
      '{"ts":1001,"symbol":"CL","price":"oops"}',
      '{"ts":1002,"symbol":"bad symbol!","price":1}',
      '{"ts":1003,"symbol":"CL","price":70}',
    ].join('\n');
    const feed = await play(host, { file: fixture('bad.jsonl', jsonl), speed: 0, loop: false });
    expect(host.ticks().map((t) => [t.symbol, t.price])).toEqual([
      ['ES', 1],
      ['CL', 70],
    ]);
    expect(host.messages()).toEqual([
      'Replay file line 2 skipped: not valid JSON',
      'Replay file line 3 skipped: not a JSON object',
      'Replay file line 4 skipped: ts must be ISO-8601 or epoch milliseconds',
      'Replay file line 6 skipped: price must be a number',
      'Replay file line 7 skipped: symbol "BAD SYMBOL!" is not a valid symbol',
    ]);
    expect(feed.status().detail).toBe(`finished ${join(dir, 'bad.jsonl')}: 2 ticks in 1 pass; 5 bad lines skipped`);
  });

  it('reports the first bad lines one by one, then only counts them', async () => {
    const host = virtualHost();
    const bad = Array.from({ length: MAX_BAD_LINE_WARNINGS + 10 }, () => '1000,ES,nope,1');
    const feed = await play(host, {
      file: fixture('many-bad.csv', ['ts,symbol,price,volume', ...bad, '1001,ES,1,1'].join('\n')),
      speed: 0,
      loop: false,
    });
    expect(host.warnings).toHaveLength(MAX_BAD_LINE_WARNINGS + 1);
    expect(host.messages().at(-1)).toMatch(/more than 50 bad lines/);
    expect(host.ticks()).toHaveLength(1);
    expect(feed.status().detail).toMatch(/; 60 bad lines skipped$/);
  });

  it('warns once per symbol that is not an active instrument and still delivers the ticks', async () => {
    const host = virtualHost();
    await play(host, { file: fixture('unknown.csv', 'ts,symbol,price\n1,ZZ,1\n2,ZZ,2\n3,ES,3\n'), speed: 0, loop: false });
    expect(host.messages()).toEqual(['Replay symbol ZZ is not an active instrument: its ticks are dropped until it is added or activated']);
    expect(host.ticks()).toHaveLength(3);
  });

  it('stops with a reason when the CSV header lacks a required column', async () => {
    const host = virtualHost();
    const file = fixture('header.csv', 'time,symbol,last\n1,ES,1\n');
    const feed = await play(host, { file, speed: 0, loop: false });
    expect(host.ticks()).toEqual([]);
    expect(feed.status().running).toBe(false);
    expect(feed.status().detail).toMatch(/^replay of .*header\.csv failed: CSV header must name ts, symbol and price \(missing price, ts;/);
    expect(host.messages()).toEqual([feed.status().detail]);
  });

  it('reports a missing file, a directory and a missing setting without starting', async () => {
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    const cases: [string | undefined, string][] = [
      [join(dir, 'nope.csv'), `replay file ${join(dir, 'nope.csv')} not found`],
      [sub, `replay file ${sub} is not a regular file`],
      [undefined, 'no replay file configured (REPLAY_FILE)'],
    ];
    for (const [file, detail] of cases) {
      const host = virtualHost();
      const feed = host.feed({ file, speed: 1, loop: true });
      await feed.start(host.ctx);
      await feed.finished();
      expect(feed.status()).toEqual({ running: false, ticks_emitted: 0, detail });
      expect(host.messages()).toEqual([`Replay feed not started: ${detail}`]);
      expect(host.batches).toEqual([]);
    }
  });
});

describe('ReplayFeed pacing', () => {
  const paced = 'ts,symbol,price\n10000,ES,1\n10000,NQ,2\n10200,ES,3\n10200,NQ,4\n10600,ES,5\n';

  it('paces by the gaps between timestamps divided by the speed, batching ticks of the same slot', async () => {
    const host = virtualHost();
    await play(host, { file: fixture('paced.csv', paced), speed: 2, loop: false });
    expect(host.batches.map((b) => [b.at - 1_000, b.ticks.map((t) => t.price)])).toEqual([
      [0, [1, 2]],
      [100, [3, 4]],
      [300, [5]],
    ]);
    expect(host.sleeps).toEqual([100, 200]);
  });

  it('plays as fast as possible at speed 0, in batches of at most 1000 ticks', async () => {
    const host = virtualHost();
    const rows = Array.from({ length: 2500 }, (_, i) => `${10_000 + i * 1000},ES,${i}`);
    await play(host, { file: fixture('fast.csv', ['ts,symbol,price', ...rows].join('\n')), speed: 0, loop: false });
    expect(host.batches.map((b) => b.ticks.length)).toEqual([1000, 1000, 500]);
    expect(host.ticks().map((t) => t.price)).toEqual(Array.from({ length: 2500 }, (_, i) => i));
    expect(host.sleeps).toEqual([]);
  });

  it('re-anchors after a stall instead of bursting through the backlog', async () => {
    const host = virtualHost((clock) => {
      if (clock.t === 1_000) clock.t += 60_000; // the first emit stalls the process for a minute
    });
    await play(host, { file: fixture('stall.csv', 'ts,symbol,price\n0,ES,1\n100,ES,2\n200,ES,3\n'), speed: 1, loop: false });
    expect(host.batches.map((b) => b.at - 1_000)).toEqual([0, 60_000, 60_100]);
  });

  it('paces on the real clock too', async () => {
    const ticks: { at: number; price: number }[] = [];
    const feed = new ReplayFeed({ file: fixture('real.csv', 'ts,symbol,price\n0,ES,1\n200,ES,2\n400,ES,3\n'), speed: 4, loop: false });
    const started = Date.now();
    await feed.start({
      instruments: () => ACTIVE,
      emit: (b) => b.forEach((t) => ticks.push({ at: Date.now() - started, price: t.price })),
      warn: () => undefined,
      now: () => Date.now(),
    });
    await feed.finished();
    expect(ticks.map((t) => t.price)).toEqual([1, 2, 3]);
    expect(ticks[1]!.at - ticks[0]!.at).toBeGreaterThanOrEqual(45);
    expect(ticks[2]!.at - ticks[0]!.at).toBeGreaterThanOrEqual(95);
    expect(ticks[2]!.at - ticks[0]!.at).toBeLessThan(1000);
  });

  it('stops promptly while waiting for a distant tick and emits nothing more', async () => {
    const prices: number[] = [];
    const feed = new ReplayFeed({ file: fixture('gap.csv', 'ts,symbol,price\n0,ES,1\n3600000,ES,2\n'), speed: 1, loop: false });
    await feed.start({
      instruments: () => ACTIVE,
      emit: (b) => prices.push(...b.map((t) => t.price)),
      warn: () => undefined,
      now: () => Date.now(),
    });
    while (prices.length === 0) await new Promise((r) => setTimeout(r, 5));
    const before = Date.now();
    await feed.stop();
    expect(Date.now() - before).toBeLessThan(500);
    expect(prices).toEqual([1]);
    expect(feed.status()).toMatchObject({ running: false, ticks_emitted: 1 });
    expect(feed.status().detail).toMatch(/^stopped in pass 1 of /);
  });
  it('stays stopped when stop() comes while start() is still checking the file', async () => {
    const host = virtualHost();
    const feed = host.feed({ file: fixture('race.csv', 'ts,symbol,price\n1,ES,1\n'), speed: 0, loop: true });
    const starting = feed.start(host.ctx);
    await feed.stop();
    await starting;
    await feed.finished();
    await new Promise((r) => setTimeout(r, 20));
    expect(host.batches).toEqual([]);
    expect(feed.status()).toMatchObject({ running: false, ticks_emitted: 0 });
  });
});

describe('ReplayFeed looping', () => {
  it('shifts each pass forward by the span plus one average gap, keeping the rhythm across the seam', async () => {
    const host = virtualHost();
    const feed = host.feed({ file: fixture('loop.csv', 'ts,symbol,price\n1000,ES,1\n1010,ES,2\n1020,ES,3\n'), speed: 1, loop: true });
    await feed.start(host.ctx);
    while (host.ticks().length < 9) await new Promise((r) => setImmediate(r));
    await feed.stop();
    expect(
      host
        .ticks()
        .slice(0, 9)
        .map((t) => t.tsMs),
    ).toEqual([1000, 1010, 1020, 1030, 1040, 1050, 1060, 1070, 1080]);
    expect(host.batches.slice(0, 9).map((b) => b.at - 1_000)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
  });

  it('keeps event time increasing across passes even for an unsorted file', async () => {
    const host = virtualHost();
    const feed = host.feed({ file: fixture('unsorted.csv', 'ts,symbol,price\n1000,ES,1\n1020,ES,2\n1010,ES,3\n'), speed: 0, loop: true });
    await feed.start(host.ctx);
    while (host.ticks().length < 6) await new Promise((r) => setImmediate(r));
    await feed.stop();
    expect(
      host
        .ticks()
        .slice(0, 6)
        .map((t) => t.tsMs),
    ).toEqual([1000, 1020, 1010, 1030, 1050, 1040]);
  });

  it('reports bad lines in the first pass only and gives up on a file without valid ticks', async () => {
    const host = virtualHost();
    const looping = host.feed({ file: fixture('loop-bad.csv', 'ts,symbol,price\n1000,ES,1\n1001,ES,x\n'), speed: 0, loop: true });
    await looping.start(host.ctx);
    while (host.ticks().length < 3) await new Promise((r) => setImmediate(r));
    await looping.stop();
    expect(host.messages()).toEqual(['Replay file line 3 skipped: price must be a number']);

    const empty = virtualHost();
    const feed = await play(empty, { file: fixture('empty.csv', 'ts,symbol,price\n1000,ES,x\n'), speed: 0, loop: true });
    expect(feed.status()).toEqual({
      running: false,
      ticks_emitted: 0,
      detail: `finished ${join(dir, 'empty.csv')}: no valid ticks; 1 bad line skipped`,
    });
    expect(empty.messages().at(-1)).toBe(`Replay file ${join(dir, 'empty.csv')} holds no valid ticks`);
  });
});
