/**
 * How a simulated instrument moves. Volatilities are stated per minute or as half-lives in seconds, so
 * the behaviour is the same whatever the feed's tick interval.
 */
export type Motion =
  /** A driftless random walk: `volPerMinute` is the standard deviation of one minute's change. */
  | { kind: 'walk'; volPerMinute: number }
  /** An Ornstein–Uhlenbeck series around `mean`: `spread` is its long-run standard deviation. */
  | { kind: 'revert'; mean: number; spread: number; halfLifeSeconds: number };

export interface InstrumentProfile {
  /** Level of a new series when the instrument has no last price. */
  start: number;
  tick: number;
  /** 'log' moves in proportion to the level and never reaches zero (prices, VIX, TRIN); 'linear' moves in points (TICK, ADD). */
  space: 'log' | 'linear';
  /** Volatilities and spreads are in the walk's space: log-returns for 'log', points for 'linear'. */
  motion: Motion;
  min?: number;
  max?: number;
  /** The shared factor the instrument moves with: 'market' or a key of FACTORS. */
  factor: string;
  /** Correlation with that factor, so ES and SPX move as one, NQ mostly with them, and VIX and TRIN against them. */
  beta: number;
  /** Tradables carry a bid, an ask and traded volume; indices and internals carry neither. */
  tradable: boolean;
  /** Typical size of one trade print. */
  size: number;
}

/**
 * Index families and their correlation with the broad market factor. A future and its cash index load on
 * the same family, so their spread stays within a few points instead of drifting apart.
 */
export const FACTORS: Readonly<Record<string, number>> = { sp500: 0.97, nasdaq: 0.9, dow: 0.93, russell: 0.85 };

const walk = (volPerMinute: number): Motion => ({ kind: 'walk', volPerMinute });

const TRACKING = 0.998;

const future = (start: number, tick: number, volPerMinute: number, factor: string, beta: number, size: number): InstrumentProfile => ({
  start,
  tick,
  space: 'log',
  motion: walk(volPerMinute),
  factor,
  beta,
  tradable: true,
  size,
});

const cashIndex = (start: number, volPerMinute: number, factor: string): InstrumentProfile => ({
  start,
  tick: 0.01,
  space: 'log',
  motion: walk(volPerMinute),
  factor,
  beta: TRACKING,
  tradable: false,
  size: 0,
});

/**
 * Late-2026 levels of the seeded symbols. ES moves about 3 points in a typical minute, NQ about 12.
 * TICK swings within about ±1200 over tens of seconds; ADD drifts over many minutes; VIX and TRIN
 * revert to 16 and 1.0 and move against the market.
 */
export const PROFILES: Readonly<Record<string, InstrumentProfile>> = {
  ES: future(6000, 0.25, 0.0005, 'sp500', TRACKING, 4),
  NQ: future(21000, 0.25, 0.0006, 'nasdaq', TRACKING, 3),
  YM: future(44000, 1, 0.00045, 'dow', TRACKING, 2),
  CL: future(70, 0.01, 0.0008, 'market', 0.2, 5),
  GC: future(2650, 0.1, 0.0004, 'market', -0.1, 3),
  SPX: cashIndex(6000, 0.0005, 'sp500'),
  NDX: cashIndex(21000, 0.0006, 'nasdaq'),
  RUT: cashIndex(2350, 0.0007, 'russell'),
  VIX: {
    start: 16,
    tick: 0.01,
    space: 'log',
    motion: { kind: 'revert', mean: 16, spread: 0.06, halfLifeSeconds: 1800 },
    min: 9.5,
    max: 80,
    factor: 'sp500',
    beta: -0.7,
    tradable: false,
    size: 0,
  },
  TICK: {
    start: 0,
    tick: 1,
    space: 'linear',
    motion: { kind: 'revert', mean: 0, spread: 380, halfLifeSeconds: 20 },
    min: -1500,
    max: 1500,
    factor: 'sp500',
    beta: 0.6,
    tradable: false,
    size: 0,
  },
  ADD: {
    start: 0,
    tick: 1,
    space: 'linear',
    motion: { kind: 'revert', mean: 0, spread: 800, halfLifeSeconds: 900 },
    min: -2500,
    max: 2500,
    factor: 'sp500',
    beta: 0.4,
    tradable: false,
    size: 0,
  },
  TRIN: {
    start: 1,
    tick: 0.01,
    space: 'log',
    motion: { kind: 'revert', mean: 1, spread: 0.2, halfLifeSeconds: 120 },
    min: 0.3,
    max: 3,
    factor: 'sp500',
    beta: -0.5,
    tradable: false,
    size: 0,
  },
};

interface GenericTraits {
  volPerMinute: number;
  beta: number;
  tradable: boolean;
  size: number;
}

const GENERIC_BY_TYPE: Readonly<Record<string, GenericTraits>> = {
  future: { volPerMinute: 0.0006, beta: 0.5, tradable: true, size: 5 },
  equity: { volPerMinute: 0.0008, beta: 0.6, tradable: true, size: 100 },
  option: { volPerMinute: 0.003, beta: 0.5, tradable: true, size: 5 },
  forex: { volPerMinute: 0.0002, beta: 0, tradable: true, size: 10 },
  crypto: { volPerMinute: 0.0012, beta: 0.3, tradable: true, size: 1 },
  index: { volPerMinute: 0.0005, beta: 0.7, tradable: false, size: 0 },
  internal: { volPerMinute: 0.0005, beta: 0, tradable: false, size: 0 },
};

export const GENERIC_START = 100;

/**
 * A profile for an instrument added later: a random walk from its last price (or 100), traits by type,
 * and a tick of at most 0.01 that shrinks for small prices so a 1.08 forex pair still moves.
 */
export function genericProfile(type: string, lastPrice: number | null): InstrumentProfile {
  const { volPerMinute, ...traits } = GENERIC_BY_TYPE[type] ?? GENERIC_BY_TYPE['equity']!;
  const start = lastPrice ?? GENERIC_START;
  if (start > 0) {
    const tick = Math.min(0.01, 10 ** (Math.floor(Math.log10(start)) - 4));
    return { start, tick, space: 'log', motion: walk(volPerMinute), min: tick, factor: 'market', ...traits };
  }
  // Zero or negative levels (a custom breadth internal) cannot walk in log space: move in points instead.
  const motion = walk(Math.max(1, Math.abs(start) * 0.01));
  return { start, tick: 0.01, space: 'linear', motion, factor: 'market', beta: traits.beta, tradable: false, size: 0 };
}

export function profileFor(symbol: string, type: string, lastPrice: number | null): InstrumentProfile {
  return PROFILES[symbol] ?? genericProfile(type, lastPrice);
}

const scaleCache = new Map<number, number>();

/** 10 to the number of decimals of the tick: 100 for 0.25, 10000 for 0.0001. */
function decimalScale(tick: number): number {
  let scale = scaleCache.get(tick);
  if (scale === undefined) {
    scale = 1;
    while (scale < 1e10 && Math.abs(tick * scale - Math.round(tick * scale)) > 1e-9) scale *= 10;
    scaleCache.set(tick, scale);
  }
  return scale;
}

/** Rounds to the tick grid without binary noise (6000.25, not 6000.250000000001). */
export function roundToTick(value: number, tick: number): number {
  const scale = decimalScale(tick);
  return Math.round(Math.round(value / tick) * tick * scale) / scale;
}
