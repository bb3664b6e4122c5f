import { PROFILES, roundToTick } from './instrument-profiles';
import type { FeedInstrument } from './market-feed';
import { SimulatedFeed } from './simulated-feed';

const SEEDED: FeedInstrument[] = Object.keys(PROFILES).map((symbol) => ({ symbol, type: 'future', lastPrice: null }));

function run(seed: number, steps: number, instruments = SEEDED) {
  const feed = new SimulatedFeed(250, seed);
  const out = [];
  for (let i = 0; i < steps; i++) out.push(...feed.step(instruments, 1_000_000 + i * 250));
  return out;
}

describe('SimulatedFeed', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(run(7, 50)).toEqual(run(7, 50));
    expect(run(7, 50)).not.toEqual(run(8, 50));
  });

  it('keeps prices on each instrument tick grid, with a one-tick spread and volume for tradables', () => {
    const ticks = run(1, 200);
    const offGrid = ticks.filter((t) => t.price !== roundToTick(t.price, PROFILES[t.symbol]!.tick));
    const tradables = ticks.filter((t) => PROFILES[t.symbol]!.tradable);
    const others = ticks.filter((t) => !PROFILES[t.symbol]!.tradable);
    expect(offGrid).toEqual([]);
    expect(tradables.filter((t) => Math.abs(t.ask! - t.bid! - 2 * PROFILES[t.symbol]!.tick) > 1e-6 || t.volume <= 0)).toEqual([]);
    expect(others.filter((t) => t.bid !== null || t.ask !== null || t.volume !== 0)).toEqual([]);
    expect(tradables.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
  });

  it('keeps the internals in their ranges and near their means', () => {
    const ticks = run(3, 5000);
    const of = (s: string) => ticks.filter((t) => t.symbol === s).map((t) => t.price);
    const vix = of('VIX');
    const tick = of('TICK');
    const trin = of('TRIN');
    expect(Math.min(...vix)).toBeGreaterThanOrEqual(9.5);
    expect(Math.min(...tick)).toBeGreaterThanOrEqual(-1600);
    expect(Math.max(...tick)).toBeLessThanOrEqual(1600);
    expect(Math.min(...trin)).toBeGreaterThanOrEqual(0.3);
    expect(Math.max(...trin)).toBeLessThanOrEqual(3);
    expect(Math.abs(tick.reduce((a, b) => a + b, 0) / tick.length)).toBeLessThan(300);
    const es = of('ES');
    expect(Math.abs(es[es.length - 1]! - 6000)).toBeLessThan(600);
  });

  it('continues from the last stored price and streams instruments added later', () => {
    const feed = new SimulatedFeed(250, 1);
    const first = feed.step([{ symbol: 'ES', type: 'future', lastPrice: 6123.5 }], 0);
    expect(Math.abs(first[0]!.price - 6123.5)).toBeLessThan(10);
    const later = feed.step(
      [
        { symbol: 'ES', type: 'future', lastPrice: null },
        { symbol: 'AAPL', type: 'equity', lastPrice: 230 },
      ],
      250,
    );
    expect(later.map((t) => t.symbol)).toEqual(['ES', 'AAPL']);
    expect(Math.abs(later[1]!.price - 230)).toBeLessThan(5);
    expect(feed.status().ticks_emitted).toBe(3);
  });

  it('emits on its interval until stopped', async () => {
    const feed = new SimulatedFeed(10, 1);
    const batches: number[] = [];
    await feed.start({
      instruments: () => SEEDED.slice(0, 2),
      emit: (t) => batches.push(t.length),
      warn: () => undefined,
      now: () => Date.now(),
    });
    await new Promise((r) => setTimeout(r, 60));
    await feed.stop();
    const seen = batches.length;
    expect(seen).toBeGreaterThanOrEqual(2);
    expect(batches.every((n) => n === 2)).toBe(true);
    await new Promise((r) => setTimeout(r, 40));
    expect(batches.length).toBe(seen);
    expect(feed.status().running).toBe(false);
  });
});
