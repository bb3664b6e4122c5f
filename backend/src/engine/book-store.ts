import * as L from './book-layout';
import { type Bound, LevelIndex } from './level-index';
import { ENTRY, RearmHeap } from './rearm-heap';
import type { RuleSlot } from './rule-slot';

const { HEADER, WINDOW } = L;

/** Doubles per rule record: id, version, cooldown (ms), tick time of the last firing (−∞: never). */
const RECORD = 4;
const R_ID = 0;
const R_VERSION = 1;
const R_COOLDOWN = 2;
const R_LAST = 3;
// Exported this way, not as `export const`, so that uses in this module stay plain constants when compiled to CommonJS.
export { RECORD, R_COOLDOWN, R_ID, R_LAST, R_VERSION };

/**
 * A book's memory: one Float64Array `f`, laid out as
 *
 *   [ header | windows (WINDOW × window capacity) | each index | re-arm heap | rule records ]
 *
 * A tick through the book reads its header, an index, the heap and the records of the rules it
 * fires from this one array, a few cache lines apart, rather than from arrays per index and rule
 * objects scattered over the JS heap. A rule's record holds what a firing needs, and its last
 * firing: the RuleSlot gets that back when the rule leaves the book (an edit reads it there).
 * Regions have room for every rule they may hold; when a rule added needs more, the region is
 * given twice the room and every region is laid out anew (rare, and the room stays).
 */
export class BookStore {
  f: Float64Array = L.newHeader();
  protected winCap = 0;
  /** The window capacity `f` is laid out for. */
  private laidWindows = 0;
  /** Indexes by id (null: dropped with its window); the heap names an index by its id. */
  protected readonly indexes: (LevelIndex | null)[] = [];
  protected readonly heap = new RearmHeap();
  /** Where the records start, how many fit, and which are free. */
  protected recordStart = 0;
  private recordCapacity = 8;
  private recordsUsed = 0;
  private readonly freeRecords: number[] = [];
  private readonly recordOf = new Map<RuleSlot, number>();

  protected newIndex(role: Bound, boundAt: number): LevelIndex {
    const index = new LevelIndex(role, boundAt, this.indexes.length);
    this.indexes.push(index);
    this.relayout();
    return index;
  }

  /** Forgets an empty index (its window is dropped); its room goes at the next layout. */
  protected dropIndex(index: LevelIndex): void {
    this.indexes[index.id] = null;
  }

  /**
   * Counts a rule in and gives it a record; its index, and the heap if it has a cooldown, get room
   * for every rule they may hold at once. Nothing grows while a tick is evaluated, so a tick may
   * keep `f` in a local from start to end. Returns the record number.
   */
  protected admit(index: LevelIndex, slot: RuleSlot): number {
    const cools = slot.cooldownMs > 0;
    index.members++;
    if (cools) this.heap.members++;
    let record = this.freeRecords.pop();
    if (record === undefined) record = this.recordsUsed++;
    if (index.members > index.capacity || this.heap.members > this.heap.capacity || this.recordsUsed > this.recordCapacity) {
      while (index.capacity < index.members) index.capacity *= 2;
      while (this.heap.capacity < this.heap.members) this.heap.capacity *= 2;
      while (this.recordCapacity < this.recordsUsed) this.recordCapacity *= 2;
      this.relayout();
    }
    const at = this.recordStart + RECORD * record;
    this.f[at + R_ID] = slot.id;
    this.f[at + R_VERSION] = slot.version;
    this.f[at + R_COOLDOWN] = slot.cooldownMs;
    this.f[at + R_LAST] = slot.lastMs;
    this.recordOf.set(slot, record);
    return record;
  }

  /** Counts a rule out, handing its last firing back to its slot; returns its record number (free again). */
  protected dismiss(index: LevelIndex, slot: RuleSlot): number {
    const record = this.recordOf.get(slot) as number;
    this.recordOf.delete(slot);
    slot.lastMs = this.f[this.recordStart + RECORD * record + R_LAST] as number;
    this.freeRecords.push(record);
    index.members--;
    if (slot.cooldownMs > 0) this.heap.members--;
    return record;
  }

  protected growWindows(winCap: number): void {
    this.winCap = winCap;
    this.relayout();
  }

  /** Lays every region out anew in an array sized for the current capacities, keeping their contents. */
  private relayout(): void {
    const f = this.f;
    let length = HEADER + WINDOW * this.winCap;
    for (const index of this.indexes) if (index) length += 2 * index.capacity;
    const g = new Float64Array(length + ENTRY * this.heap.capacity + RECORD * this.recordCapacity);
    // Header and windows in place (a larger window capacity only adds room after them).
    g.set(f.subarray(0, HEADER + WINDOW * this.laidWindows));
    this.laidWindows = this.winCap;
    let at = HEADER + WINDOW * this.winCap;
    for (const index of this.indexes) {
      if (!index) continue;
      g.set(f.subarray(index.start, index.start + index.size), at);
      g.set(f.subarray(index.recordAt(0), index.recordAt(index.size)), at + index.capacity);
      index.start = at;
      index.laid = index.capacity;
      at += 2 * index.capacity;
    }
    const heap = this.heap;
    g.set(f.subarray(heap.start, heap.start + ENTRY * heap.size), at);
    heap.start = at;
    at += ENTRY * heap.capacity;
    g.set(f.subarray(this.recordStart, this.recordStart + RECORD * this.recordsUsed), at);
    this.recordStart = at;
    this.f = g;
  }
}
