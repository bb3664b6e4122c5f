import { PROFILES, roundToTick } from './instrument-profiles';
import type { FeedContext, FeedInstrument, FeedTick } from './market-feed';
import { SimulatedFeed } from './simulated-feed';

const SEEDED_TYPES: Record<string, string> = {
  SPX: 'index',
  NDX: 'index',
  RUT: 'index',
  VIX: 'internal',
  TICK: 'internal',
  ADD: 'internal',
  TRIN: 'internal',
};
const SEEDED: FeedInstrument[] = ['ES', 'NQ', 'YM', 'CL', 'GC', 'SPX', 'NDX', 'RUT', 'VIX', 'TICK', 'ADD', 'TRIN'].map((symbol) => ({
  symbol,
  type: SEEDED_TYPES[symbol] ?? 'future',
  lastPrice: null,
}));
const instrument = (symbol: string, lastPrice: number | null = null, type = 'future'): FeedInstrument => ({ symbol, type, lastPrice });

function simulate(steps: number, { seed = 7, intervalMs = 250, instruments = SEEDED } = {}): FeedTick[] {
  const feed = new SimulatedFeed({ intervalMs, seed });
  const out: FeedTick[] = [];
  for (let i = 0; i < steps; i++) out.push(...feed.step(instruments, 1_000_000 + i * intervalMs));
  return out;
}

const pricesOf = (ticks: FeedTick[], symbol: string): number[] => ticks.filter((t) => t.symbol === symbol).map((t) => t.price);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
function stdDev(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}
const diffsEvery = (xs: number[], n: number): number[] =>
  xs.filter((_, i) => i % n === 0).flatMap((x, i, a) => (i === 0 ? [] : [x - a[i - 1]!]));
function correlation(a: number[], b: number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  const cov = mean(a.map((x, i) => (x - ma) * (b[i]! - mb)));
  return cov / (stdDev(a) * stdDev(b));
}

describe('SimulatedFeed series', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(simulate(200)).toEqual(simulate(200));
    expect(pricesOf(simulate(200), 'ES')).not.toEqual(pricesOf(simulate(200, { seed: 8 }), 'ES'));
  });

  it("keeps each instrument's series independent of which other instruments stream", () => {
    const alone = simulate(300, { instruments: [instrument('NQ')] });
    const together = simulate(300);
    expect(pricesOf(alone, 'NQ')).toEqual(pricesOf(together, 'NQ'));
  });

  it('puts every price on its tick grid, tradables one tick inside bid/ask with volume, others without', () => {
    const ticks = simulate(2000);
    const profile = (t: FeedTick) => PROFILES[t.symbol]!;
    const tradables = ticks.filter((t) => profile(t).tradable);
    const others = ticks.filter((t) => !profile(t).tradable);
    expect(ticks.filter((t) => roundToTick(t.price, profile(t).tick) !== t.price)).toEqual([]);
    const tick = (t: FeedTick) => profile(t).tick;
    expect(
      tradables.filter((t) => t.bid !== roundToTick(t.price - tick(t), tick(t)) || t.ask !== roundToTick(t.price + tick(t), tick(t))),
    ).toEqual([]);
    expect(tradables.filter((t) => !Number.isInteger(t.volume) || t.volume <= 0)).toEqual([]);
    expect(others.filter((t) => t.bid !== null || t.ask !== null || t.volume !== 0)).toEqual([]);
    expect(new Set(tradables.map((t) => t.symbol))).toEqual(new Set(['ES', 'NQ', 'YM', 'CL', 'GC']));
    expect(new Set(others.map((t) => t.symbol)).size).toBe(7);
  });

  it('starts each seeded symbol at its realistic level', () => {
    const first = simulate(1);
    const level = Object.fromEntries(first.map((t) => [t.symbol, t.price]));
    const expected = { ES: 6000, NQ: 21000, YM: 44000, CL: 70, GC: 2650, SPX: 6000, NDX: 21000, RUT: 2350 };
    for (const [symbol, value] of Object.entries(expected))
      expect([symbol, Math.abs(level[symbol]! / value - 1) < 0.001]).toEqual([symbol, true]);
    expect(Math.abs(level['VIX']! - 16)).toBeLessThan(0.3);
    expect(Math.abs(level['TRIN']! - 1)).toBeLessThan(0.05);
    expect(Math.abs(level['TICK']!)).toBeLessThan(150);
    expect(Math.abs(level['ADD']!)).toBeLessThan(150);
  });

  it('keeps VIX, TICK, ADD and TRIN in their ranges over a long session', () => {
    const internals = SEEDED.filter((i) => ['VIX', 'TICK', 'ADD', 'TRIN'].includes(i.symbol));
    const ticks = simulate(10_000, { intervalMs: 2000, instruments: internals }); // 5.5 hours
    const vix = pricesOf(ticks, 'VIX');
    const tick = pricesOf(ticks, 'TICK');
    const add = pricesOf(ticks, 'ADD');
    const trin = pricesOf(ticks, 'TRIN');
    expect(Math.min(...vix)).toBeGreaterThan(9);
    expect(Math.abs(mean(vix) - 16)).toBeLessThan(3);
    expect(tick.every(Number.isInteger) && add.every(Number.isInteger)).toBe(true);
    expect(Math.max(...tick.map(Math.abs))).toBeLessThanOrEqual(1500);
    expect(tick.filter((v) => Math.abs(v) > 1200).length / tick.length).toBeLessThan(0.01);
    // An oscillator, not noise stuck at zero: readings beyond ±400 are common.
    expect(tick.filter((v) => Math.abs(v) > 400).length / tick.length).toBeGreaterThan(0.1);
    expect(Math.abs(mean(tick))).toBeLessThan(100);
    expect(Math.max(...add.map(Math.abs))).toBeLessThanOrEqual(2500);
    expect(stdDev(add)).toBeGreaterThan(200);
    expect(Math.min(...trin)).toBeGreaterThanOrEqual(0.3);
    expect(Math.max(...trin)).toBeLessThanOrEqual(3);
    expect(trin.every((v) => roundToTick(v, 0.01) === v)).toBe(true);
    expect(Math.abs(mean(trin) - 1)).toBeLessThan(0.15);
  });

  it('moves ES a few points a minute whatever the tick interval', () => {
    for (const intervalMs of [250, 1000]) {
      const perMinute = 60_000 / intervalMs;
      const es = pricesOf(simulate(perMinute * 60, { intervalMs, instruments: [instrument('ES')] }), 'ES');
      const sd = stdDev(diffsEvery(es, perMinute));
      expect(sd).toBeGreaterThan(1.5);
      expect(sd).toBeLessThan(6);
    }
  });

  it('moves a future with its cash index, equity families together and VIX against them', () => {
    const symbols = ['ES', 'SPX', 'NQ', 'VIX'];
    const ticks = simulate(60 * 120, { intervalMs: 1000, instruments: SEEDED.filter((i) => symbols.includes(i.symbol)) });
    const [es, spx, nq, vix] = symbols.map((s) => diffsEvery(pricesOf(ticks, s), 60));
    expect(correlation(es!, spx!)).toBeGreaterThan(0.95);
    expect(correlation(es!, nq!)).toBeGreaterThan(0.6);
    expect(correlation(es!, nq!)).toBeLessThan(0.95);
    expect(correlation(es!, vix!)).toBeLessThan(-0.3);
    // Two hours in, ES and SPX are still within a few points of each other.
    expect(Math.abs(pricesOf(ticks, 'ES').at(-1)! - pricesOf(ticks, 'SPX').at(-1)!)).toBeLessThan(15);
  });

  it('continues from the stored last price, for seeded and internal symbols alike', () => {
    const feed = new SimulatedFeed({ intervalMs: 250, seed: 1 });
    const [es, vix, tick] = feed.step(
      [instrument('ES', 6123.5), instrument('VIX', 31.2, 'internal'), instrument('TICK', 850, 'internal')],
      0,
    );
    expect(Math.abs(es!.price - 6123.5)).toBeLessThan(2);
    expect(Math.abs(vix!.price - 31.2)).toBeLessThan(0.5);
    expect(Math.abs(tick!.price - 850)).toBeLessThan(200);
  });

  it('simulates instruments it has no profile for from their last price, with a tick fitting the price', () => {
    const feed = new SimulatedFeed({ intervalMs: 250, seed: 1 });
    const batches = Array.from({ length: 240 }, (_, i) =>
      feed.step(
        [instrument('AAPL', 230, 'equity'), instrument('EURUSD', 1.0832, 'forex'), instrument('NEW'), instrument('DJX', 440, 'index')],
        i * 250,
      ),
    );
    const last = batches[batches.length - 1]!;
    const [aapl, eur, fresh, djx] = last;
    expect(Math.abs(aapl!.price - 230)).toBeLessThan(5);
    expect(aapl!.volume).toBeGreaterThan(0);
    expect(aapl!.ask! - aapl!.bid!).toBeCloseTo(0.02, 9);
    expect(Math.abs(eur!.price - 1.0832)).toBeLessThan(0.01);
    expect(batches.flat().filter((t) => t.symbol === 'EURUSD' && roundToTick(t.price, 0.0001) !== t.price)).toEqual([]);
    expect(new Set(batches.map((b) => b[1]!.price)).size).toBeGreaterThan(3);
    expect(Math.abs(fresh!.price - 100)).toBeLessThan(3);
    expect([djx!.bid, djx!.ask, djx!.volume]).toEqual([null, null, 0]);
  });

  it('forgets an instrument that stops being listed and restarts it from its stored price', () => {
    const feed = new SimulatedFeed({ intervalMs: 250, seed: 1 });
    feed.step([instrument('ES', 6000)], 0);
    feed.step([], 250);
    const [back] = feed.step([instrument('ES', 5000)], 500);
    expect(Math.abs(back!.price - 5000)).toBeLessThan(2);
  });
});

describe('SimulatedFeed timer', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_763_650_000_000 }));
  afterEach(() => jest.useRealTimers());

  function host(list: FeedInstrument[]) {
    const batches: FeedTick[][] = [];
    const warnings: string[] = [];
    const ctx: FeedContext = {
      instruments: () => list,
      emit: (t) => batches.push(t),
      warn: (m) => warnings.push(m),
      now: () => Date.now(),
    };
    return { ctx, batches, warnings };
  }

  it('emits one batch per interval stamped with ctx.now(), picks up new instruments, and stops on stop()', async () => {
    const list = [instrument('ES'), instrument('NQ')];
    const { ctx, batches } = host(list);
    const feed = new SimulatedFeed({ intervalMs: 250, seed: 3 });
    await feed.start(ctx);
    jest.advanceTimersByTime(500);
    expect(batches.map((b) => b.map((t) => t.symbol))).toEqual([
      ['ES', 'NQ'],
      ['ES', 'NQ'],
    ]);
    expect(batches.map((b) => b[0]!.tsMs)).toEqual([1_763_650_000_250, 1_763_650_000_500]);
    list.push(instrument('CL', 71.5));
    jest.advanceTimersByTime(250);
    expect(batches[2]!.map((t) => t.symbol)).toEqual(['ES', 'NQ', 'CL']);
    expect(feed.status()).toMatchObject({ running: true, ticks_emitted: 7 });
    await feed.stop();
    jest.advanceTimersByTime(5000);
    expect(batches).toHaveLength(3);
    expect(feed.status()).toMatchObject({ running: false, ticks_emitted: 7 });
  });

  it('reports a failing cycle once and keeps ticking', async () => {
    let fail = true;
    const { ctx, batches, warnings } = host([instrument('ES')]);
    const feed = new SimulatedFeed({ intervalMs: 100, seed: 3 });
    await feed.start({
      ...ctx,
      instruments: () => {
        if (fail) throw new Error('registry unavailable');
        return [instrument('ES')];
      },
    });
    jest.advanceTimersByTime(300);
    fail = false;
    jest.advanceTimersByTime(100);
    await feed.stop();
    expect(warnings).toEqual(['Simulated feed cycle failed']);
    expect(batches).toHaveLength(1);
  });
});
