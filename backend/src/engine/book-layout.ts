/**
 * Layout of an instrument's numeric state, all in one Float64Array: a tick reads a header of
 * index bounds, the rate windows and the price ring from a few adjacent cache lines instead of
 * chasing one object per index (with a thousand instruments ticking in turn, a tick's cost is
 * mostly the memory it touches). V8 boxes double fields of objects, so numbers that change on
 * every tick are kept here rather than in fields.
 *
 *   [ header (HEADER) | windows (WINDOW × window capacity) | ring (2 × ring capacity: ts, price) ]
 */
export const LAST_TS = 0;
/** The previous evaluated price; NaN before the first (every comparison with it is then false). */
export const PREV = 1;
/** Smallest armed `above` level: a price at or below it fires nothing. */
export const ABOVE_MIN = 2;
export const BELOW_MAX = 3;
export const VOLUME_MIN = 4;
/**
 * Brackets around the last price: the nearest levels below and above it. A tick whose price stays
 * inside cannot cross or touch any level, so the index itself is only searched when it leaves.
 * Equals: fast when EQ_FROM ≤ price ≤ EQ_TO (the nearest levels, pulled in by twice the tolerance).
 * Crosses above (levels L with prev ≤ L < price): fast when XA_LO < price ≤ XA_HI.
 * Crosses below (levels L with price < L ≤ prev): fast when XB_LO ≤ price < XB_HI.
 * Before the first price they are empty intervals (+∞, −∞), so the first tick computes them.
 */
export const EQ_FROM = 5;
export const EQ_TO = 6;
export const XA_LO = 7;
export const XA_HI = 8;
export const XB_LO = 9;
export const XB_HI = 10;
/** Tick time of the earliest pending re-arm (+∞ when none). */
export const NEXT_REARM = 11;
/** Sequence number of the next ring entry. */
export const SEQ = 12;
/** Oldest ring entry any window still holds: the ring may overwrite anything before it. */
export const OLDEST = 13;
/**
 * Smallest and largest price the ring may hold (a superset: prices are added as they come and
 * the bounds are only recomputed now and then). Every window's reference lies between them, so
 * the percent change a tick can show is bounded without reading the ring.
 */
export const RING_LO = 14;
export const RING_HI = 15;
export const HEADER = 16;

/** A rate window: its length, the sequence number of its earliest price, its smallest armed up / down thresholds. */
export const WINDOW = 4;
export const W_MS = 0;
export const W_HEAD = 1;
export const W_UP_MIN = 2;
export const W_DOWN_MIN = 3;

export function newHeader(size: number): Float64Array {
  const f = new Float64Array(size);
  f[LAST_TS] = -Infinity;
  f[PREV] = NaN;
  f[ABOVE_MIN] = Infinity;
  f[BELOW_MAX] = -Infinity;
  f[VOLUME_MIN] = Infinity;
  for (const lo of [EQ_FROM, XA_LO, XB_LO]) {
    f[lo] = Infinity;
    f[lo + 1] = -Infinity;
  }
  f[NEXT_REARM] = Infinity;
  f[RING_LO] = Infinity;
  f[RING_HI] = -Infinity;
  return f;
}

/**
 * Copies state into a larger block: header and windows as they are, ring entries from the oldest
 * held one re-laid for the new capacity (a power of two, so `seq & mask` finds an entry).
 */
export function relayout(f: Float64Array, winCap: number, ringCap: number, newWinCap: number, newRingCap: number): Float64Array {
  const g = new Float64Array(HEADER + WINDOW * newWinCap + 2 * newRingCap);
  g.set(f.subarray(0, HEADER + WINDOW * winCap));
  if (ringCap > 0) {
    const from = HEADER + WINDOW * winCap;
    const to = HEADER + WINDOW * newWinCap;
    const mask = ringCap - 1;
    const newMask = newRingCap - 1;
    const seq = f[SEQ] as number;
    for (let s = f[OLDEST] as number; s < seq; s++) {
      g[to + 2 * (s & newMask)] = f[from + 2 * (s & mask)] as number;
      g[to + 2 * (s & newMask) + 1] = f[from + 2 * (s & mask) + 1] as number;
    }
  }
  return g;
}
