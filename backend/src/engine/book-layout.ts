import type { RingArena } from './price-ring';

/**
 * Where an instrument's numeric state lives. With a thousand instruments ticking in random order a
 * tick's cost is mostly the memory it touches, so what every tick needs is one cache line in a
 * table shared by all instruments (`BookTable.hot`, HOT doubles per instrument), and the rest is
 * read only by a tick that may fire something or has bookkeeping due:
 *
 *   hot, per instrument:  [ LAST_TS PREV LO HI VOL DUE POS POS_END ]
 *   a book's own `f`:     see book-store (header, windows, indexes, re-arm heap)
 *   its ring:             a region of the table's RingArena (see price-ring)
 *
 * V8 boxes double fields of objects, so numbers that change on every tick are kept in typed arrays.
 */
export const HOT = 8;
export const LAST_TS = 0;
/** The previous evaluated price; NaN before the first (every comparison with it is then false). */
export const PREV = 1;
/**
 * A tick with LO ≤ price ≤ HI, volume ≤ VOL and time < DUE fires nothing and changes nothing but
 * the last price and the ring: every bracket and rate bound of the book folded into one interval.
 */
export const LO = 2;
export const HI = 3;
export const VOL = 4;
/** Tick time from which the book has work due (a re-arm, a rate bound to renew); −∞ forces the next tick through the book. */
export const DUE = 5;
/** Where in the ring arena the next tick's (ts, price) goes; −1 for a book without rate windows (no ring to write). */
export const POS = 6;
/** The fast path writes while POS < POS_END: up to the end of the ring's region, and short of the oldest entry a window needs. */
export const POS_END = 7;

/**
 * Bounds another engine folds into an instrument's hot line (see BookTable.fold), and the book's own
 * before they were folded in: OUTER doubles per instrument. While the price stays in [OUT_LO, OUT_HI]
 * before tick time OUT_DUE, that engine has nothing to do either, so the fast path answers for both;
 * a tick that only the folded bounds stop is still quiet for the book (OWN_LO, OWN_HI, OWN_DUE).
 */
export const OUTER = 8;
export const OUT_LO = 0;
export const OUT_HI = 1;
export const OUT_DUE = 2;
export const OWN_LO = 3;
export const OWN_HI = 4;
export const OWN_DUE = 5;

/** What every tick of a table needs to see, the arena its fast path writes the rings in, and the bounds folded in from outside. */
export interface HotTable {
  hot: Float64Array;
  readonly rings: RingArena;
  outer: Float64Array;
}

// A book's header, at the start of its own `f` (see book-store).

/** Smallest armed `above` level: a price at or below it fires nothing. */
export const ABOVE_MIN = 0;
export const BELOW_MAX = 1;
export const VOLUME_MIN = 2;
/**
 * Brackets around the last price: the nearest levels below and above it. A tick whose price stays
 * inside cannot cross or touch any level, so the index itself is only searched when it leaves.
 * All are closed, LO ≤ price ≤ HI, so that the book folds them with a plain max and min:
 * Equals: the nearest levels, pulled in by twice the tolerance.
 * Crosses above (levels L with prev ≤ L < price): (largest level below, smallest at or above], its
 * open end stored as the next double up (see float-steps).
 * Crosses below (levels L with price < L ≤ prev): [largest at or below, smallest above), likewise.
 * Before the first price they are empty intervals (+∞, −∞), so the first tick computes them.
 */
export const EQ_FROM = 3;
export const EQ_TO = 4;
export const XA_LO = 5;
export const XA_HI = 6;
export const XB_LO = 7;
export const XB_HI = 8;
/** Tick time of the earliest pending re-arm (+∞ when none). */
export const NEXT_REARM = 9;
/** Oldest ring entry a window may still need (a lower bound: heads move lazily). */
export const OLDEST = 10;
/**
 * The rate windows' bounds folded: a price in [RATE_LO, RATE_HI] before tick time RATE_DUE fires
 * no rate rule, so a tick that comes to the book for another reason reads no window.
 */
export const RATE_LO = 11;
export const RATE_HI = 12;
export const RATE_DUE = 13;
/** The ring's sequence number as of the arena position POS_AT: the fast path moves POS on, and the book counts from here. */
export const SEQ = 14;
export const POS_AT = 15;
export const HEADER = 16;

/**
 * A rate window: its length, the sequence number of its earliest price (a lower bound: heads move
 * lazily), its smallest armed up / down thresholds, and bounds on its references (see window-bounds).
 */
export const WINDOW = 8;
export const W_MS = 0;
export const W_HEAD = 1;
export const W_UP_MIN = 2;
export const W_DOWN_MIN = 3;
export const W_EDGE = 4;
export const W_REF_LO = 5;
export const W_REF_HI = 6;
/** A spanning bound: how long it held when renewed (ms of tick time). A contained one: the quiet ratio it was made for (see window-bounds). */
export const W_LIFE = 7;

export function newHot(instruments: number, from = 0, hot = new Float64Array(HOT * instruments)): Float64Array {
  for (let at = HOT * from; at < hot.length; at += HOT) {
    hot[at + LAST_TS] = -Infinity;
    hot[at + PREV] = NaN;
    hot[at + LO] = Infinity;
    hot[at + HI] = -Infinity;
    hot[at + VOL] = -Infinity;
    hot[at + DUE] = -Infinity;
    hot[at + POS] = -1;
    hot[at + POS_END] = Infinity;
  }
  return hot;
}

/** Outer bounds that hold nothing back: every instrument's own, until another engine folds its in. */
export function newOuter(instruments: number, from = 0, outer = new Float64Array(OUTER * instruments)): Float64Array {
  for (let at = OUTER * from; at < outer.length; at += OUTER) {
    outer[at + OUT_LO] = -Infinity;
    outer[at + OUT_HI] = Infinity;
    outer[at + OUT_DUE] = Infinity;
    outer[at + OWN_LO] = Infinity;
    outer[at + OWN_HI] = -Infinity;
    outer[at + OWN_DUE] = -Infinity;
  }
  return outer;
}

export function newHeader(): Float64Array {
  const f = new Float64Array(HEADER);
  f[ABOVE_MIN] = Infinity;
  f[BELOW_MAX] = -Infinity;
  f[VOLUME_MIN] = Infinity;
  for (const lo of [EQ_FROM, XA_LO, XB_LO]) {
    f[lo] = Infinity;
    f[lo + 1] = -Infinity;
  }
  f[NEXT_REARM] = Infinity;
  f[RATE_LO] = -Infinity;
  f[RATE_HI] = Infinity;
  f[RATE_DUE] = Infinity;
  f[POS_AT] = -1;
  return f;
}
