import { FACTORS, profileFor, roundToTick, type InstrumentProfile } from './instrument-profiles';
import type { FeedContext, FeedInstrument, FeedStatus, FeedTick, MarketFeed } from './market-feed';
import { deriveSeed, gaussian } from './prng';

export interface SimulatedFeedOptions {
  intervalMs: number;
  seed: number;
}

interface Series {
  profile: InstrumentProfile;
  value: number;
  /** Each symbol draws from its own seeded stream, so the set of instruments never changes another's series. */
  normal: () => number;
}

/** Keeps a value inside [min, max], bouncing off a bound rather than sticking to it. */
function reflect(value: number, min = -Infinity, max = Infinity): number {
  let v = value;
  if (v > max) v = max - (v - max);
  if (v < min) v = min + (min - v);
  return Math.min(max, Math.max(min, v));
}

/** One step of `dtSeconds` for a correlated standard normal shock `z`. */
export function advance(profile: InstrumentProfile, value: number, z: number, dtSeconds: number): number {
  const log = profile.space === 'log';
  const x = log ? Math.log(value) : value;
  const motion = profile.motion;
  let next: number;
  if (motion.kind === 'walk') {
    next = x + motion.volPerMinute * Math.sqrt(dtSeconds / 60) * z;
  } else {
    const mean = log ? Math.log(motion.mean) : motion.mean;
    const decay = Math.exp((-Math.LN2 * dtSeconds) / motion.halfLifeSeconds);
    // The exact OU transition: the long-run spread holds whatever the step length.
    next = mean + (x - mean) * decay + motion.spread * Math.sqrt(1 - decay * decay) * z;
  }
  return reflect(log ? Math.exp(next) : next, profile.min, profile.max);
}

function initialValue(profile: InstrumentProfile, lastPrice: number | null): number {
  let v = lastPrice ?? profile.start;
  if (!Number.isFinite(v) || (profile.space === 'log' && v <= 0)) v = profile.start;
  return reflect(v, profile.min, profile.max);
}

/**
 * A seeded random walk per instrument at realistic levels. Futures trade with bid/ask one tick either
 * side and a traded size; cash indices and internals carry neither. Equity-linked series share a market
 * factor. The walk advances by the nominal interval, not by wall time, so a seed always replays the same.
 */
export class SimulatedFeed implements MarketFeed {
  readonly kind = 'simulated';
  private readonly series = new Map<string, Series>();
  private readonly marketFactor: () => number;
  private readonly familyFactors: ReadonlyArray<{ name: string; rho: number; normal: () => number }>;
  private timer: NodeJS.Timeout | undefined;
  private emitted = 0;
  private lastBatch = 0;
  private failing = false;

  constructor(private readonly options: SimulatedFeedOptions) {
    this.marketFactor = gaussian(deriveSeed(options.seed, '\u0000market'));
    this.familyFactors = Object.entries(FACTORS).map(([name, rho]) => ({
      name,
      rho,
      normal: gaussian(deriveSeed(options.seed, `\u0000${name}`)),
    }));
  }

  start(ctx: FeedContext): Promise<void> {
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.cycle(ctx), this.options.intervalMs);
      this.timer.unref();
    }
    return Promise.resolve();
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    return Promise.resolve();
  }

  status(): FeedStatus {
    const running = this.timer !== undefined;
    return {
      running,
      ticks_emitted: this.emitted,
      // Before the first batch the instrument count is not known yet: say nothing rather than "0 instruments".
      detail: `${running ? '' : 'stopped; '}${this.emitted > 0 ? `${this.lastBatch} instruments ` : ''}every ${this.options.intervalMs} ms, seed ${this.options.seed}`,
    };
  }

  /** The next batch: one tick per listed instrument, stamped `nowMs`. Instruments no longer listed are forgotten. */
  step(instruments: readonly FeedInstrument[], nowMs: number): FeedTick[] {
    const dtSeconds = this.options.intervalMs / 1000;
    const factors = this.drawFactors();
    const ticks: FeedTick[] = [];
    const seen = new Set<string>();
    for (const instrument of instruments) {
      if (seen.has(instrument.symbol)) continue;
      seen.add(instrument.symbol);
      ticks.push(this.next(instrument, factors, dtSeconds, nowMs));
    }
    // A deactivated instrument restarts from its stored last price when it comes back.
    for (const symbol of this.series.keys()) if (!seen.has(symbol)) this.series.delete(symbol);
    return ticks;
  }

  /** Every factor draws every step, whoever listens, so the streams stay aligned for a seed. */
  private drawFactors(): Record<string, number> {
    const market = this.marketFactor();
    const factors: Record<string, number> = { market };
    for (const f of this.familyFactors) factors[f.name] = f.rho * market + Math.sqrt(1 - f.rho * f.rho) * f.normal();
    return factors;
  }

  private cycle(ctx: FeedContext): void {
    try {
      const ticks = this.step(ctx.instruments(), ctx.now());
      this.lastBatch = ticks.length;
      if (ticks.length > 0) ctx.emit(ticks);
      this.emitted += ticks.length;
      this.failing = false;
    } catch (error) {
      // A throw inside a timer would take the process down: report once per outage and keep ticking.
      if (!this.failing) ctx.warn('Simulated feed cycle failed', { error: error instanceof Error ? error.message : String(error) });
      this.failing = true;
    }
  }

  private next(instrument: FeedInstrument, factors: Readonly<Record<string, number>>, dtSeconds: number, nowMs: number): FeedTick {
    let s = this.series.get(instrument.symbol);
    if (!s) {
      const profile = profileFor(instrument.symbol, instrument.type, instrument.lastPrice);
      s = {
        profile,
        value: initialValue(profile, instrument.lastPrice),
        // The starting price joins the seed, so a restart continues along a new path rather than replaying the old one.
        normal: gaussian(deriveSeed(this.options.seed, `${instrument.symbol}@${instrument.lastPrice ?? ''}`)),
      };
      this.series.set(instrument.symbol, s);
    }
    const p = s.profile;
    const z = p.beta * (factors[p.factor] ?? 0) + Math.sqrt(1 - p.beta * p.beta) * s.normal();
    s.value = advance(p, s.value, z, dtSeconds);
    const price = roundToTick(s.value, p.tick);
    if (!p.tradable) return { symbol: instrument.symbol, tsMs: nowMs, price, bid: null, ask: null, volume: 0 };
    // Lognormal print size with a mean of `size`, larger when the price jumps.
    const volume = Math.max(1, Math.round(p.size * Math.exp(0.7 * s.normal() - 0.245) * (1 + 0.5 * Math.abs(z))));
    return {
      symbol: instrument.symbol,
      tsMs: nowMs,
      price,
      bid: roundToTick(price - p.tick, p.tick),
      ask: roundToTick(price + p.tick, p.tick),
      volume,
    };
  }
}
