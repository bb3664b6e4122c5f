import * as L from './book-layout';
import { DenseIds } from './dense-ids';
import { InstrumentBook } from './instrument-book';
import { RingArena } from './price-ring';
import { LATE, type EngineTick, type Firing } from './types';

const { HOT, LAST_TS, PREV, LO, HI, VOL, DUE, POS, POS_END, OUTER, OUT_LO, OUT_HI, OUT_DUE, OWN_LO, OWN_HI, OWN_DUE } = L;

/** Returned by BookTable.evaluate for a tick the fast path took: it fired nothing, and nor can the engine that folded bounds in. */
export const QUIET = -2;
/** Returned for a tick only the folded bounds stopped: quiet for the book (which it did not read), not for the engine that folded them. */
export const FOLD_DUE = -3;

/**
 * Every instrument's book, by slot, and the state every tick reads in one table across instruments
 * (see book-layout). Most ticks fire nothing and have no bookkeeping due: they are told so by one
 * cache line of `hot`, record their price in the ring arena and return, without touching the book.
 */
export class BookTable implements L.HotTable {
  hot = L.newHot(16);
  outer = L.newOuter(16);
  readonly rings = new RingArena();
  /** The instrument's previous price as the last evaluate() found it, before that tick replaced it (NaN: none yet). */
  prevSeen = NaN;
  /** After a tick the book evaluated (a count returned): whether the folded bounds passed it, so the engine that folded them has nothing to do. */
  foldPassed = false;
  private readonly books: InstrumentBook[] = [];
  /** Slot by instrument id (−1: none yet) for dense ids, by hashing for the others. */
  private readonly denseSlots = new DenseIds();
  private readonly sparseSlots = new Map<number, number>();

  /**
   * Appends the tick's firings (ordered by rule id) to out; returns their count, LATE (state
   * unchanged), QUIET (none, by the fast path) or FOLD_DUE (none: the book had nothing to do).
   */
  evaluate(tick: EngineTick, out: Firing[]): number {
    let slot = this.slotOf(tick.instrumentId);
    if (slot < 0) slot = this.book(tick.instrumentId).slot;
    const hot = this.hot;
    const at = slot * HOT;
    const ts = tick.tsMs;
    if (ts < (hot[at + LAST_TS] as number)) return LATE;
    this.prevSeen = hot[at + PREV] as number;
    const p = tick.price;
    const v = tick.volume;
    if (
      p >= (hot[at + LO] as number) &&
      p <= (hot[at + HI] as number) &&
      v <= (hot[at + VOL] as number) &&
      ts < (hot[at + DUE] as number)
    ) {
      if (this.pass(at, ts, p)) return QUIET;
    } else if (this.ownQuiet(slot, ts, p) && v <= (hot[at + VOL] as number)) {
      // Stopped by the folded bounds alone: the other engine reads the tick, the book need not.
      if (this.pass(at, ts, p)) return FOLD_DUE;
    }
    const n = (this.books[slot] as InstrumentBook).evaluate(tick, out);
    const outer = this.outer;
    const o = slot * OUTER;
    this.foldPassed = p >= (outer[o + OUT_LO] as number) && p <= (outer[o + OUT_HI] as number) && ts < (outer[o + OUT_DUE] as number);
    return n;
  }

  /** A tick that fires nothing in the book: its price goes to the ring, unless the ring must make room (false: the book must take it). */
  private pass(at: number, ts: number, p: number): boolean {
    const hot = this.hot;
    const pos = hot[at + POS] as number;
    if (!(pos < (hot[at + POS_END] as number))) return false;
    if (pos >= 0) {
      const ring = this.rings.data;
      ring[pos] = ts;
      ring[pos + 1] = p;
      hot[at + POS] = pos + 2;
    }
    hot[at + PREV] = p;
    hot[at + LAST_TS] = ts;
    return true;
  }

  /** Whether the book's own bounds, before the folded ones, pass the tick. */
  private ownQuiet(slot: number, ts: number, p: number): boolean {
    const outer = this.outer;
    const o = slot * OUTER;
    return p >= (outer[o + OWN_LO] as number) && p <= (outer[o + OWN_HI] as number) && ts < (outer[o + OWN_DUE] as number);
  }

  /**
   * Folds another engine's bounds into the instrument's hot line: a tick the fast path then takes
   * (QUIET) is one that engine has nothing to do with either. (−∞, ∞, ∞) folds nothing.
   */
  fold(instrumentId: number, lo: number, hi: number, due: number): void {
    let slot = this.slotOf(instrumentId);
    if (slot < 0) slot = this.book(instrumentId).slot;
    const o = slot * OUTER;
    const outer = this.outer;
    outer[o + OUT_LO] = lo;
    outer[o + OUT_HI] = hi;
    outer[o + OUT_DUE] = due;
    // The book's own bounds are kept beside them (see InstrumentBook.publish): the book itself, cold by now, is not read.
    const hot = this.hot;
    const at = slot * HOT;
    hot[at + LO] = Math.max(outer[o + OWN_LO] as number, lo);
    hot[at + HI] = Math.min(outer[o + OWN_HI] as number, hi);
    hot[at + DUE] = Math.min(outer[o + OWN_DUE] as number, due);
  }

  /** The instrument's last evaluated (or seeded) price; NaN without one. */
  lastPrice(instrumentId: number): number {
    const slot = this.slotOf(instrumentId);
    return slot < 0 ? NaN : (this.hot[slot * HOT + PREV] as number);
  }

  /** The instrument's book, created (with no rules and no price yet) on first use. */
  book(instrumentId: number): InstrumentBook {
    const known = this.slotOf(instrumentId);
    if (known >= 0) return this.books[known] as InstrumentBook;
    const slot = this.books.length;
    if (HOT * (slot + 1) > this.hot.length) {
      const hot = new Float64Array(2 * this.hot.length);
      hot.set(this.hot);
      this.hot = L.newHot(0, this.hot.length / HOT, hot);
      const outer = new Float64Array(2 * this.outer.length);
      outer.set(this.outer);
      this.outer = L.newOuter(0, this.outer.length / OUTER, outer);
    }
    if (!this.denseSlots.set(instrumentId, slot)) this.sparseSlots.set(instrumentId, slot);
    const book = new InstrumentBook(this, slot, instrumentId);
    this.books.push(book);
    return book;
  }

  /** The instrument's slot, −1 before it has a book. */
  private slotOf(id: number): number {
    const slot = this.denseSlots.get(id);
    return slot >= 0 || this.sparseSlots.size === 0 ? slot : (this.sparseSlots.get(id) ?? -1);
  }
}
