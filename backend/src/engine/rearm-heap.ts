/** Doubles per heap entry: re-arm time, level, index id, record number. */
const ENTRY = 4;
// Exported this way, not as `export const`, so that uses in this module stay plain constants when compiled to CommonJS.
export { ENTRY };

/**
 * Min-heap of rules waiting out their cooldown, keyed by the tick time at which they may fire
 * again. An entry carries what re-arming needs (the rule's level, the id of the index to put it
 * back in and its record), so re-arming reads nothing else. Every entry is current: a rule that is
 * edited or removed is taken out at once (rare).
 *
 * Like the indexes, the heap is a region of the book's `f` (ENTRY doubles an entry, from `start`);
 * the book gives it room (`capacity`).
 */
export class RearmHeap {
  start = 0;
  size = 0;
  capacity = 8;
  /** Rules with a cooldown in the book: the most the heap may hold at once. */
  members = 0;

  /** Tick time of the earliest re-arm, or +∞. */
  peek(f: Float64Array): number {
    return this.size > 0 ? (f[this.start] as number) : Infinity;
  }

  /** Adds an entry (the book keeps room for every rule with a cooldown). */
  push(f: Float64Array, atMs: number, level: number, indexId: number, record: number): void {
    this.place(f, this.size++, atMs, level, indexId, record);
  }

  /** Drops the earliest entry (read it first at `start`). */
  pop(f: Float64Array): void {
    this.removeAt(f, 0);
  }

  /** Takes a record's entry out wherever it sits; false if it is not here. */
  remove(f: Float64Array, record: number): boolean {
    for (let i = 0; i < this.size; i++) {
      if (f[this.start + ENTRY * i + 3] === record) {
        this.removeAt(f, i);
        return true;
      }
    }
    return false;
  }

  /** Fills the hole at `hole` with the last entry, sifted up or down as its key requires. */
  private removeAt(f: Float64Array, hole: number): void {
    const start = this.start;
    const n = --this.size;
    const last = start + ENTRY * n;
    const atMs = f[last] as number;
    const level = f[last + 1] as number;
    const indexId = f[last + 2] as number;
    const record = f[last + 3] as number;
    if (hole === n) return;
    if (hole > 0 && (f[start + ENTRY * ((hole - 1) >> 1)] as number) > atMs) {
      this.place(f, hole, atMs, level, indexId, record);
      return;
    }
    let i = hole;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (f[start + ENTRY * r] as number) < (f[start + ENTRY * l] as number) ? r : l;
      if ((f[start + ENTRY * c] as number) >= atMs) break;
      this.move(f, c, i);
      i = c;
    }
    this.write(f, i, atMs, level, indexId, record);
  }

  /** Sifts an entry up from position i (a free position) to where its key belongs. */
  private place(f: Float64Array, i: number, atMs: number, level: number, indexId: number, record: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((f[this.start + ENTRY * parent] as number) <= atMs) break;
      this.move(f, parent, i);
      i = parent;
    }
    this.write(f, i, atMs, level, indexId, record);
  }

  private write(f: Float64Array, i: number, atMs: number, level: number, indexId: number, record: number): void {
    const at = this.start + ENTRY * i;
    f[at] = atMs;
    f[at + 1] = level;
    f[at + 2] = indexId;
    f[at + 3] = record;
  }

  private move(f: Float64Array, from: number, to: number): void {
    const a = this.start + ENTRY * from;
    const b = this.start + ENTRY * to;
    f[b] = f[a] as number;
    f[b + 1] = f[a + 1] as number;
    f[b + 2] = f[a + 2] as number;
    f[b + 3] = f[a + 3] as number;
  }
}
