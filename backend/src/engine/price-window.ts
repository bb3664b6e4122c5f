/**
 * The prices of one instrument within a trailing time window, oldest first, in a growable ring
 * buffer: push is O(1) amortised, eviction pops from the front, memory stays bounded by the window.
 */
export class PriceWindow {
  private ts: Float64Array;
  private px: Float64Array;
  private head = 0;
  private count = 0;

  constructor(
    readonly windowMs: number,
    capacity = 64,
  ) {
    this.ts = new Float64Array(capacity);
    this.px = new Float64Array(capacity);
  }

  /** Adds a tick and drops every price older than tsMs − windowMs; returns the earliest price left (the reference). */
  push(tsMs: number, price: number): number {
    if (this.count === this.ts.length) this.grow();
    const tail = (this.head + this.count) % this.ts.length;
    this.ts[tail] = tsMs;
    this.px[tail] = price;
    this.count++;
    const oldest = tsMs - this.windowMs;
    while ((this.ts[this.head] as number) < oldest) {
      this.head = (this.head + 1) % this.ts.length;
      this.count--;
    }
    return this.px[this.head] as number;
  }

  /** The earliest price still inside the window, or null before the first push. */
  get reference(): number | null {
    return this.count > 0 ? (this.px[this.head] as number) : null;
  }

  get size(): number {
    return this.count;
  }

  private grow(): void {
    const n = this.ts.length;
    const ts = new Float64Array(n * 2);
    const px = new Float64Array(n * 2);
    for (let i = 0; i < this.count; i++) {
      ts[i] = this.ts[(this.head + i) % n] as number;
      px[i] = this.px[(this.head + i) % n] as number;
    }
    this.ts = ts;
    this.px = px;
    this.head = 0;
  }
}
