/**
 * One instrument's recent prices, shared by all its rate-of-change windows: each window keeps
 * only a cursor (an absolute sequence number) to its earliest price, so a tick writes one entry
 * however many windows there are. Capacity is a power of two and grows to the longest window.
 */
export class PriceRing {
  private ts = new Float64Array(64);
  private px = new Float64Array(64);
  private mask = 63;
  /** Sequence number of the next entry to write. */
  seq = 0;

  push(tsMs: number, price: number, oldestHeld: number): void {
    if (this.seq - oldestHeld >= this.ts.length) this.grow(oldestHeld);
    const i = this.seq & this.mask;
    this.ts[i] = tsMs;
    this.px[i] = price;
    this.seq++;
  }

  tsAt(seq: number): number {
    return this.ts[seq & this.mask] as number;
  }

  priceAt(seq: number): number {
    return this.px[seq & this.mask] as number;
  }

  private grow(oldestHeld: number): void {
    const size = this.ts.length * 2;
    const ts = new Float64Array(size);
    const px = new Float64Array(size);
    const mask = size - 1;
    for (let s = oldestHeld; s < this.seq; s++) {
      ts[s & mask] = this.ts[s & this.mask] as number;
      px[s & mask] = this.px[s & this.mask] as number;
    }
    this.ts = ts;
    this.px = px;
    this.mask = mask;
  }
}
