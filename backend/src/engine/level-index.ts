import { EQUALS_TOLERANCE } from '@tradeassist/shared-types';
import { nextDown, nextUp } from './float-steps';

/** Equals rules are searched within twice the tolerance, then the exact predicate decides. */
const EQUALS_SEARCH = 2 * EQUALS_TOLERANCE;

/**
 * What a book keeps of an index in its header: its smallest or largest level, or a bracket (the
 * nearest levels) around the last price, so that a tick fires nothing without reading the index.
 */
const Bound = { min: 0, max: 1, equals: 2, crossUp: 3, crossDown: 4 } as const;
type Bound = (typeof Bound)[keyof typeof Bound];
// Exported this way, not as `export const`, so that uses in this module stay plain constants when compiled to CommonJS.
export { Bound, EQUALS_SEARCH };

/**
 * Rules sorted by level, so a tick finds the ones it can fire with a binary search and walks only
 * those. An index is a region of the book's one Float64Array `f` (see book-store): the levels at
 * [start, start + capacity), and after them, at the same positions + capacity, the number of each
 * rule's record (its id, version, cooldown, last firing). The book gives each index its room
 * (`capacity`) and moves it when it grows.
 */
export class LevelIndex {
  start = 0;
  size = 0;
  /** Rules that belong here, armed or cooling down: the room the book keeps for it. */
  members = 0;
  /** The capacity `f` is laid out for (the book raises `capacity` first, then lays out anew). */
  laid = 0;

  /**
   * @param role what the owning book mirrors of this index in its header (see Bound)
   * @param boundAt where in the header (a window's entry moves when another window is dropped)
   * @param id the book's number for it (the re-arm heap names an index by it)
   */
  constructor(
    readonly role: Bound,
    public boundAt: number,
    readonly id: number,
    public capacity = 8,
  ) {}

  /**
   * Writes what the book mirrors of this index into its header `f`, around the last price:
   * min / max: the smallest / largest level (±∞ when empty);
   * equals: [from, to] = nearest levels at or below / above the price, pulled in by EQUALS_SEARCH;
   * crossUp: (lo, hi] = largest level below / smallest level at or above the price;
   * crossDown: [lo, hi) = largest level at or below / smallest level above the price;
   * an open end is written as the next double inwards, so every bracket is read as closed.
   * A price staying inside its bracket touches or crosses no level. No price yet: an empty bracket.
   */
  mirror(f: Float64Array, price: number): void {
    const at = this.boundAt;
    const start = this.start;
    const n = this.size;
    if (this.role === Bound.min) {
      f[at] = n > 0 ? (f[start] as number) : Infinity;
      return;
    }
    if (this.role === Bound.max) {
      f[at] = n > 0 ? (f[start + n - 1] as number) : -Infinity;
      return;
    }
    if (price !== price) {
      f[at] = Infinity;
      f[at + 1] = -Infinity;
      return;
    }
    const up = this.role === Bound.crossUp;
    const i = up ? this.lowerBound(f, price) : this.upperBound(f, price);
    const margin = this.role === Bound.equals ? EQUALS_SEARCH : 0;
    const below = i > 0 ? (f[start + i - 1] as number) + margin : -Infinity;
    const above = i < n ? (f[start + i] as number) - margin : Infinity;
    f[at] = up ? nextUp(below) : below;
    f[at + 1] = this.role === Bound.crossDown ? nextDown(above) : above;
  }

  /** Offset in `f` of entry i's record number. */
  recordAt(i: number): number {
    return this.start + this.laid + i;
  }

  /** Inserts after the equal levels (the book keeps room for every member). */
  insert(f: Float64Array, level: number, record: number): void {
    const start = this.start;
    const recs = start + this.laid;
    const at = this.upperBound(f, level);
    for (let i = this.size; i > at; i--) {
      f[start + i] = f[start + i - 1] as number;
      f[recs + i] = f[recs + i - 1] as number;
    }
    f[start + at] = level;
    f[recs + at] = record;
    this.size++;
  }

  /** Takes out the entry of a record at that level; false if it is not here. */
  remove(f: Float64Array, level: number, record: number): boolean {
    for (let i = this.lowerBound(f, level); i < this.size && f[this.start + i] === level; i++) {
      if (f[this.recordAt(i)] === record) {
        this.removeRange(f, i, i + 1);
        return true;
      }
    }
    return false;
  }

  /** Drops entries [from, to), shifting the tail down. */
  removeRange(f: Float64Array, from: number, to: number): void {
    const start = this.start;
    const recs = start + this.laid;
    const n = this.size;
    let w = from;
    for (let r = to; r < n; r++, w++) {
      f[start + w] = f[start + r] as number;
      f[recs + w] = f[recs + r] as number;
    }
    this.size = w;
  }

  /** First index whose level is ≥ value. */
  lowerBound(f: Float64Array, value: number): number {
    const start = this.start;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((f[start + mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose level is > value. */
  upperBound(f: Float64Array, value: number): number {
    const start = this.start;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((f[start + mid] as number) <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
