import * as L from './book-layout';
import * as Ring from './price-ring';
import { blockStart, type PriceRing } from './price-ring';
import { downLimit, quietRatio, upLimit } from './rate-reach';

const { W_DOWN_MIN, W_EDGE, W_HEAD, W_LIFE, W_MS, W_REF_HI, W_REF_LO, W_UP_MIN } = L;
const { BLOCK } = Ring;

/**
 * A window's bounds on its references, in its entry of the book's `f` at offset `o`, so that a tick
 * reads no reference while its price cannot fire the window's rules. Two kinds:
 * - contained (W_EDGE = +∞): every price the window holds lies in [W_REF_LO, W_REF_HI], an
 *   interval narrow enough (quietRatio) that nothing fires while the price stays in it too; prices
 *   outside go through the book, which renews the bound, so it holds with no end in time (while a
 *   rule of the window is armed: see containedHolds);
 * - spanning: the references of the next ticks (the window's oldest entries, up to W_EDGE) lie in
 *   [W_REF_LO, W_REF_HI]; prices between the window's limits (rate-reach) cannot fire, and the bound
 *   holds while `tick time − W_MS ≤ W_EDGE`.
 */

/** A spanning bound covers at most this many ring entries: the more, the longer it lasts and the wider it gets. */
const MAX_SPAN = 256;

/**
 * The share of a price's room (to the nearer limit at the window's reference) that the spread of
 * the references a spanning bound covers may take: more lasts longer but leaves the price less
 * room within the bound (about three-quarters has the fewest ticks through the book on the bench).
 */
const SPREAD = 0.75;

/**
 * Whether the window's bound no longer holds at tick time ts for price p, or is worth renewing
 * now that the tick is in the book for it or another window: past half of the time a spanning
 * bound held, or with the price near an end of the bound, one made now is centred on the price.
 */
export function boundsStale(f: Float64Array, o: number, ts: number, p: number): boolean {
  const edge = f[o + W_EDGE] as number;
  const lo = f[o + W_REF_LO] as number;
  const hi = f[o + W_REF_HI] as number;
  // A contained bound holds for prices within it (its thresholds are checked when they change: containedHolds).
  if (edge === Infinity) return !(p >= lo && p <= hi) || offCentre(p, lo, hi);
  const windowMs = f[o + W_MS] as number;
  return ts - windowMs > edge || edge + windowMs - ts < (f[o + W_LIFE] as number) / 2 || offCentre(p, quietLow(f, o), quietHigh(f, o));
}

/**
 * Whether p lies outside the middle three-quarters of the quiet bracket [lo, hi] (a narrower middle
 * renews more bounds than it saves ticks). Not for a bracket empty or open on a side: renewing it
 * would not centre it, only cost a scan of the ring on every tick that comes.
 */
function offCentre(p: number, lo: number, hi: number): boolean {
  const eighth = (hi - lo) / 8;
  return eighth >= 0 && eighth < Infinity && !(p - lo >= eighth && hi - p >= eighth);
}

/**
 * Whether a window's bound still holds once its thresholds changed: a contained one no longer does
 * when no rule of the window is armed (the window then stops keeping the price inside it, and
 * prices outside enter the ring), nor for thresholds lower than those it was made for.
 */
export function containedHolds(f: Float64Array, o: number): boolean {
  if (f[o + W_EDGE] !== Infinity) return true;
  const up = f[o + W_UP_MIN] as number;
  const down = f[o + W_DOWN_MIN] as number;
  return !(up === Infinity && down === Infinity) && quietRatio(up, down) >= (f[o + W_LIFE] as number);
}

/** The lowest price the window's bound says cannot fire its rules (its bound current). */
export function quietLow(f: Float64Array, o: number): number {
  const lo = f[o + W_REF_LO] as number;
  return f[o + W_EDGE] === Infinity ? lo : downLimit(lo, f[o + W_REF_HI] as number, f[o + W_DOWN_MIN] as number);
}

/** The highest price the window's bound says cannot fire its rules. */
export function quietHigh(f: Float64Array, o: number): number {
  return f[o + W_EDGE] === Infinity ? (f[o + W_REF_HI] as number) : upLimit(f[o + W_REF_LO] as number, f[o + W_UP_MIN] as number);
}

/**
 * First tick time at which the window's bound may no longer hold, pulled in by a few units in the
 * last place so that the rounding of `edge + W_MS` can never keep a tick on the fast path past it
 * (integer times lose nothing); +∞ for a contained bound.
 */
export function boundsExpire(f: Float64Array, o: number): number {
  const edge = f[o + W_EDGE] as number;
  if (edge === Infinity) return Infinity;
  const at = edge + (f[o + W_MS] as number);
  return at - Math.abs(at) * 1e-15;
}

/**
 * Renews the window's bound at tick time ts, the tick's price p being the ring's last entry (so the
 * window holds at least one). Contained if the window's prices fit within quietRatio, centred on p
 * where there is room; else spanning: from the window's reference on, over as many entries as keep
 * the spread of references within SPREAD of the room p has before a threshold is in reach (a bound
 * lasts long where thresholds are far, and stays tight where they are near), up to MAX_SPAN.
 * Block summaries may cover a few prices that already left the window: a bound is only wider for it.
 */
export function renewBounds(f: Float64Array, o: number, ring: PriceRing, seq: number, ts: number, p: number): void {
  const windowMs = f[o + W_MS] as number;
  const up = f[o + W_UP_MIN] as number;
  const down = f[o + W_DOWN_MIN] as number;
  const head = advanceHead(f, o, ring, seq, ts);
  const ratio = quietRatio(up, down);
  let lo = Infinity;
  let hi = -Infinity;
  for (let s = blockStart(head); s < seq && !(hi > lo * ratio); s += BLOCK) {
    lo = Math.min(lo, ring.blockMin(s));
    hi = Math.max(hi, ring.blockMax(s));
  }
  if (lo > 0 && hi <= lo * ratio) {
    const from = Math.min(lo, p / Math.sqrt(ratio));
    const to = from * ratio;
    f[o + W_EDGE] = Infinity;
    f[o + W_LIFE] = ratio;
    f[o + W_REF_LO] = to < hi ? hi / ratio : from;
    f[o + W_REF_HI] = to < hi ? hi : to;
    return;
  }
  const stop = Math.min(seq, head + MAX_SPAN);
  // A NaN price makes the spread NaN: the bound stops short of it (at the reference, its bracket is empty).
  lo = hi = ring.price(head);
  const room = Math.min(upLimit(lo, up) - p, p - downLimit(lo, hi, down));
  const spread = room > 0 ? room * SPREAD : 0;
  // Entry by entry through the reference's block: near a threshold, where only a few references
  // fit the room, a whole block of them would leave none for the price.
  const firstEnd = Math.min(stop, blockStart(head) + BLOCK);
  let end = head + 1;
  for (; end < firstEnd; end++) {
    const x = ring.price(end);
    if (!(Math.max(hi, x) - Math.min(lo, x) <= spread)) break;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  if (end === firstEnd) {
    for (; end < stop; end = Math.min(seq, end + BLOCK)) {
      const nextLo = Math.min(lo, ring.blockMin(end));
      const nextHi = Math.max(hi, ring.blockMax(end));
      if (!(nextHi - nextLo <= spread)) break;
      lo = nextLo;
      hi = nextHi;
    }
  }
  const edge = ring.ts(end - 1);
  f[o + W_EDGE] = edge;
  f[o + W_LIFE] = edge + windowMs - ts;
  f[o + W_REF_LO] = lo;
  f[o + W_REF_HI] = hi;
}

/**
 * Moves a window's head to the first entry still in its window at tick time ts (its reference);
 * returns its sequence number. Ticks only go forward, so a late move lands where moving on every
 * tick would have. Before the tick's own price is written every entry may have left: the head
 * then waits at `seq` for it.
 */
export function advanceHead(f: Float64Array, o: number, ring: PriceRing, seq: number, ts: number): number {
  const from = ts - (f[o + W_MS] as number);
  let head = advanceBlocks(f, o, ring, seq, ts);
  while (head < seq && ring.ts(head) < from) head++;
  f[o + W_HEAD] = head;
  return head;
}

/** Moves a window's head past the whole blocks that left its window by tick time ts (one read per block); returns it. */
export function advanceBlocks(f: Float64Array, o: number, ring: PriceRing, seq: number, ts: number): number {
  const from = ts - (f[o + W_MS] as number);
  let head = f[o + W_HEAD] as number;
  for (;;) {
    const end = Math.min(seq, blockStart(head) + BLOCK);
    if (head >= seq || ring.ts(end - 1) >= from) break;
    head = end;
  }
  f[o + W_HEAD] = head;
  return head;
}
