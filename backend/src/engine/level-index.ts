import { EQUALS_TOLERANCE } from '@tradeassist/shared-types';
import type { RuleSlot } from './rule-slot';

/** Equals rules are searched within twice the tolerance, then the exact predicate decides. */
export const EQUALS_SEARCH = 2 * EQUALS_TOLERANCE;

/**
 * What a book keeps of an index in its header: its smallest or largest level, or a bracket (the
 * nearest levels) around the last price, so that a tick fires nothing without reading the index.
 */
export const Bound = { min: 0, max: 1, equals: 2, crossUp: 3, crossDown: 4 } as const;
export type Bound = (typeof Bound)[keyof typeof Bound];

/**
 * Rules sorted by level, so a tick finds the ones it can fire with a binary search and walks only
 * those. Levels sit in a dense Float64Array (the search never leaves it); insertions and removals
 * shift by hand rather than splice, which allocates and is slow on arrays this small.
 */
export class LevelIndex {
  levels = new Float64Array(8);
  slots: (RuleSlot | null)[] = [null, null, null, null, null, null, null, null];
  size = 0;

  /**
   * @param role what the owning book mirrors of this index in its header (see Bound)
   * @param boundAt where in the header (a window's entry moves when another window is dropped)
   */
  constructor(
    readonly role: Bound,
    public boundAt: number,
  ) {}

  /** Smallest level, or +∞ when empty. */
  min(): number {
    return this.size > 0 ? (this.levels[0] as number) : Infinity;
  }

  /** Largest level, or −∞ when empty. */
  max(): number {
    return this.size > 0 ? (this.levels[this.size - 1] as number) : -Infinity;
  }

  /**
   * Writes what the book mirrors of this index into its header `f`, around the last price:
   * min / max: the smallest / largest level (±∞ when empty);
   * equals: [from, to] = nearest levels at or below / above the price, pulled in by EQUALS_SEARCH;
   * crossUp: (lo, hi] = largest level below / smallest level at or above the price;
   * crossDown: [lo, hi) = largest level at or below / smallest level above the price.
   * A price staying inside its bracket touches or crosses no level. No price yet: an empty bracket.
   */
  mirror(f: Float64Array, price: number): void {
    const at = this.boundAt;
    if (this.role === Bound.min) {
      f[at] = this.min();
      return;
    }
    if (this.role === Bound.max) {
      f[at] = this.max();
      return;
    }
    if (price !== price) {
      f[at] = Infinity;
      f[at + 1] = -Infinity;
      return;
    }
    const i = this.role === Bound.crossUp ? this.lowerBound(price) : this.upperBound(price);
    const margin = this.role === Bound.equals ? EQUALS_SEARCH : 0;
    f[at] = i > 0 ? (this.levels[i - 1] as number) + margin : -Infinity;
    f[at + 1] = i < this.size ? (this.levels[i] as number) - margin : Infinity;
  }

  insert(level: number, slot: RuleSlot): void {
    if (this.size === this.levels.length) this.grow();
    const levels = this.levels;
    const slots = this.slots;
    const at = this.upperBound(level);
    for (let i = this.size; i > at; i--) {
      levels[i] = levels[i - 1] as number;
      slots[i] = slots[i - 1] as RuleSlot;
    }
    levels[at] = level;
    slots[at] = slot;
    this.size++;
  }

  remove(slot: RuleSlot): boolean {
    for (let i = this.lowerBound(slot.threshold); i < this.size && this.levels[i] === slot.threshold; i++) {
      if (this.slots[i] === slot) {
        this.removeRange(i, i + 1);
        return true;
      }
    }
    return false;
  }

  /** Drops entries [from, to), shifting the tail down. */
  removeRange(from: number, to: number): void {
    const levels = this.levels;
    const slots = this.slots;
    const n = this.size;
    let w = from;
    for (let r = to; r < n; r++, w++) {
      levels[w] = levels[r] as number;
      slots[w] = slots[r] as RuleSlot;
    }
    // Clear the vacated tail so removed rules can be collected.
    for (let i = w; i < n; i++) slots[i] = null;
    this.size = w;
  }

  /** First index whose level is ≥ value. */
  lowerBound(value: number): number {
    const levels = this.levels;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((levels[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose level is > value. */
  upperBound(value: number): number {
    const levels = this.levels;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((levels[mid] as number) <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    const levels = new Float64Array(this.levels.length * 2);
    levels.set(this.levels);
    this.levels = levels;
    for (let i = this.slots.length; i < levels.length; i++) this.slots.push(null);
  }
}
