/** Ids below this (database ids in practice) are found by array index; larger ones are left to the caller. */
const DENSE_LIMIT = 1 << 16;

/**
 * A number (slot, row) per small whole id, by array index: on the tick path one load, where a Map
 * lookup hashes. Ids that are negative, fractional or too large are not held (`set` says so).
 */
export class DenseIds {
  private values = new Int32Array(0);

  /** The id's number, −1 when it has none here. */
  get(id: number): number {
    return id >>> 0 === id && id < this.values.length ? (this.values[id] as number) : -1;
  }

  /** Holds the id's number; false when the id is not a small whole one (kept elsewhere, or not at all). */
  set(id: number, value: number): boolean {
    if (!(id >>> 0 === id && id < DENSE_LIMIT)) return false;
    if (id >= this.values.length) {
      const more = new Int32Array(Math.min(DENSE_LIMIT, Math.max(64, 2 * this.values.length, id + 1))).fill(-1);
      more.set(this.values);
      this.values = more;
    }
    this.values[id] = value;
    return true;
  }
}
