import { GENERIC, PROFILES, roundToTick, type InstrumentProfile } from './instrument-profiles';
import type { FeedContext, FeedInstrument, FeedStatus, FeedTick, MarketFeed } from './market-feed';

/** mulberry32 + Box–Muller: deterministic for a seed, so a simulated session can be reproduced. */
export function gaussian(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform() || Number.MIN_VALUE)) * Math.cos(2 * Math.PI * uniform());
}

interface Walker {
  profile: InstrumentProfile;
  value: number;
}

/**
 * A seeded random walk per instrument at realistic levels: futures trade with a one-tick spread
 * and volume, indices move without size, VIX/TICK/ADD/TRIN revert to their means within ranges.
 */
export class SimulatedFeed implements MarketFeed {
  readonly kind = 'simulated';
  private readonly walkers = new Map<string, Walker>();
  private readonly normal: () => number;
  private timer: NodeJS.Timeout | undefined;
  private emitted = 0;

  constructor(
    private readonly intervalMs: number,
    seed: number,
  ) {
    this.normal = gaussian(seed);
  }

  start(ctx: FeedContext): Promise<void> {
    this.timer = setInterval(() => ctx.emit(this.step(ctx.instruments(), ctx.now())), this.intervalMs);
    this.timer.unref();
    return Promise.resolve();
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    return Promise.resolve();
  }

  status(): FeedStatus {
    return { running: this.timer !== undefined, ticks_emitted: this.emitted };
  }

  /** One batch: a tick for every active instrument (exposed for tests). */
  step(instruments: FeedInstrument[], nowMs: number): FeedTick[] {
    const ticks = instruments.map((i) => this.next(i, nowMs));
    this.emitted += ticks.length;
    return ticks;
  }

  private next(instrument: FeedInstrument, nowMs: number): FeedTick {
    let w = this.walkers.get(instrument.symbol);
    if (!w) {
      const profile = PROFILES[instrument.symbol] ?? GENERIC;
      w = { profile, value: instrument.lastPrice ?? profile.start };
      this.walkers.set(instrument.symbol, w);
    }
    const p = w.profile;
    const shock = this.normal() * (p.mean !== undefined && p.tick >= 1 ? p.sigma : p.sigma * Math.abs(w.value || p.start));
    const pull = p.mean !== undefined ? (p.mean - w.value) * p.reversion : 0;
    w.value = Math.min(p.max ?? Infinity, Math.max(p.min ?? -Infinity, w.value + shock + pull));
    const price = roundToTick(w.value, p.tick);
    const volume = p.tradable ? Math.max(1, Math.round(p.size * Math.exp(this.normal() * 0.8))) : 0;
    return {
      symbol: instrument.symbol,
      tsMs: nowMs,
      price,
      bid: p.tradable ? roundToTick(price - p.tick, p.tick) : null,
      ask: p.tradable ? roundToTick(price + p.tick, p.tick) : null,
      volume,
    };
  }
}
