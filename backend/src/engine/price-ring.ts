/**
 * Recent ticks of an instrument for its rate windows: a ring of (ts, price) entries, addressed by
 * sequence number (`seq & mask`, the capacity a power of two), in a region of the table's one
 * RingArena. A tick on the fast path writes its entry straight into the arena (see BookTable),
 * reading nothing but the table's own line for the instrument.
 *
 * Every BLOCK entries (aligned on sequence numbers) have the smallest and largest of their prices
 * summarised beside the ring: bounds on a window's references then read one summary per block
 * instead of every entry. The fast path writes no summary (one more cache line a tick); a window
 * that renews its bound first brings them up to date from the entries written since.
 */
const BLOCK = 16;
const BLOCK_BITS = 4;
/**
 * Entries a region has past its ring's end: the fast path writes on into them, and the next tick
 * through the book moves them to the ring's start (`unwrap`), so that the fast path seldom stops
 * at the end of its region (once a turn) for a tick through the book of its own.
 */
const SLACK = 4 * BLOCK;
// Exported this way, not as `export const`, so that uses in this module stay plain constants when compiled to CommonJS.
export { BLOCK, SLACK };

/** Sequence number of the first entry of `seq`'s block. */
export function blockStart(seq: number): number {
  return seq - (seq & (BLOCK - 1));
}

/** Regions for rings in one Float64Array; freed regions are reused by rings of the same capacity. */
export class RingArena {
  data = new Float64Array(1 << 14);
  private used = 0;
  private readonly free = new Map<number, number[]>();

  /** Offset of a region for `capacity` entries and the slack past them. */
  allocate(capacity: number): number {
    const reused = this.free.get(capacity)?.pop();
    if (reused !== undefined) return reused;
    const size = 2 * (capacity + SLACK);
    if (this.used + size > this.data.length) {
      // By half again, not double: rings are made one by one, and the arena holds all of them.
      const data = new Float64Array(Math.max(Math.ceil(1.5 * this.data.length), this.used + size));
      data.set(this.data);
      this.data = data;
    }
    this.used += size;
    return this.used - size;
  }

  release(base: number, capacity: number): void {
    let list = this.free.get(capacity);
    if (!list) this.free.set(capacity, (list = []));
    list.push(base);
  }
}

export class PriceRing {
  /** Offset of the region in the arena, −1 before the book needs one. */
  base = -1;
  mask = -1;
  /** Block summaries, (min, max) by block position. */
  private sums = new Float64Array(0);
  /** Entries before this one are in the summaries. */
  private summed = 0;

  constructor(private readonly arena: RingArena) {}

  get capacity(): number {
    return this.mask + 1;
  }

  ts(seq: number): number {
    return this.arena.data[this.base + 2 * (seq & this.mask)] as number;
  }

  price(seq: number): number {
    return this.arena.data[this.base + 2 * (seq & this.mask) + 1] as number;
  }

  /** Where the fast path writes entry `seq`. */
  position(seq: number): number {
    return this.base + 2 * (seq & this.mask);
  }

  /** Where the fast path may write up to: the end of the region's slack. */
  get end(): number {
    return this.base + 2 * (this.capacity + SLACK);
  }

  /** Moves the entries the fast path wrote past the ring's end, up to arena position `pos`, to their places at its start. */
  unwrap(pos: number): void {
    const wrap = this.base + 2 * this.capacity;
    if (pos > wrap) this.arena.data.copyWithin(this.base, wrap, pos);
  }

  write(seq: number, ts: number, price: number): void {
    const at = this.position(seq);
    this.arena.data[at] = ts;
    this.arena.data[at + 1] = price;
  }

  /** Smallest price of the block holding entry `seq` (the summaries brought up to date by `summarise`). */
  blockMin(seq: number): number {
    return this.sums[2 * ((seq & this.mask) >> BLOCK_BITS)] as number;
  }

  blockMax(seq: number): number {
    return this.sums[2 * ((seq & this.mask) >> BLOCK_BITS) + 1] as number;
  }

  /**
   * Folds entries from `from` (a block start: older ones may be overwritten and are not needed) up
   * to `to` (exclusive) into their blocks' summaries; a NaN price makes a summary unbounded.
   */
  summarise(from: number, to: number): void {
    const sums = this.sums;
    const data = this.arena.data;
    const base = this.base;
    const mask = this.mask;
    for (let s = Math.max(this.summed, from); s < to;) {
      const b = 2 * ((s & mask) >> BLOCK_BITS);
      const end = Math.min(to, blockStart(s) + BLOCK);
      // A block's first entry starts its summary; later ones extend what is there.
      let lo = (s & (BLOCK - 1)) === 0 ? Infinity : (sums[b] as number);
      let hi = (s & (BLOCK - 1)) === 0 ? -Infinity : (sums[b + 1] as number);
      let unbounded = false;
      for (; s < end; s++) {
        const price = data[base + 2 * (s & mask) + 1] as number;
        if (price < lo) lo = price;
        if (price > hi) hi = price;
        if (price !== price) unbounded = true;
      }
      sums[b] = unbounded ? -Infinity : lo;
      sums[b + 1] = unbounded ? Infinity : hi;
    }
    this.summed = Math.max(this.summed, to);
  }

  /**
   * Moves the ring to a region of `capacity` entries, keeping entries `from` (a block start) to
   * `to` and their summaries; the first call gives the ring its region, with no entry yet.
   */
  resize(capacity: number, from: number, to: number): void {
    const base = this.arena.allocate(capacity);
    const data = this.arena.data;
    const sums = new Float64Array((2 * capacity) / BLOCK);
    // Empty summaries, so that the first entry folded into a block sets them, whichever it is.
    for (let b = 0; b < sums.length; b += 2) {
      sums[b] = Infinity;
      sums[b + 1] = -Infinity;
    }
    for (let s = from; s < to; s++) {
      const at = base + 2 * (s & (capacity - 1));
      data[at] = this.ts(s);
      data[at + 1] = this.price(s);
    }
    for (let s = from; s < Math.min(to, this.summed); s += BLOCK) {
      const b = 2 * ((s & (capacity - 1)) >> BLOCK_BITS);
      sums[b] = this.blockMin(s);
      sums[b + 1] = this.blockMax(s);
    }
    if (this.base >= 0) this.arena.release(this.base, this.capacity);
    else this.summed = to;
    this.base = base;
    this.mask = capacity - 1;
    this.sums = sums;
  }
}
