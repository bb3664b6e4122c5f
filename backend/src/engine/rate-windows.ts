import * as L from './book-layout';
import { BookStore } from './book-store';
import { Bound, type LevelIndex } from './level-index';
import { BLOCK, blockStart, PriceRing } from './price-ring';
import type { Firing } from './types';
import { advanceBlocks, advanceHead, boundsExpire, boundsStale, containedHolds, quietHigh, quietLow, renewBounds } from './window-bounds';

const { HEADER, HOT, OLDEST, POS, POS_AT, RATE_DUE, RATE_HI, RATE_LO, SEQ, WINDOW, W_DOWN_MIN, W_EDGE, W_HEAD, W_MS, W_UP_MIN } = L;

/**
 * A ring's first capacity (entries): room for a five-minute window at a tick a second, grown by
 * doubling when a window needs more (growing moves the ring: a tick through the book pays for it).
 */
const FIRST_CAPACITY = 32 * BLOCK;

/**
 * An instrument's price ring and its rate-of-change windows (their entries in the book's `f`, see
 * book-layout): one window per distinct length, shared by every rule using it, all reading the one
 * ring. The ring holds prices back to the oldest window head and grows (doubling) only when a
 * window needs more; memory stays bounded by the longest window.
 *
 * A window's head (its reference) moves only when the reference is read, its bound renewed or the
 * ring needs room. Between reads, bounds on its references (see window-bounds) let a tick rule the
 * whole window out from the book's folded price bracket.
 */
export abstract class RateWindows extends BookStore {
  protected readonly ring: PriceRing;
  /** This book's line in the table's hot array. */
  protected readonly at: number;
  protected nWin = 0;
  /** Per window (same order as in `f`): its up / down indexes and how many rules use it. */
  private readonly winUp: LevelIndex[] = [];
  private readonly winDown: LevelIndex[] = [];
  private readonly winUsers: number[] = [];
  /** A window lost its last rule: dropped at the next tick unless a rule takes it up first (so an edit keeps its history). */
  protected dropPending = false;

  constructor(
    protected readonly table: L.HotTable,
    readonly slot: number,
  ) {
    super();
    this.at = slot * HOT;
    this.ring = new PriceRing(table.rings);
  }

  /** The index for a rate rule of that window length and direction; the window is created empty (its first price is the next tick's). */
  protected useWindow(windowMs: number, up: boolean): LevelIndex {
    let w = this.findWindow(windowMs);
    if (w < 0) {
      if (this.nWin === this.winCap) this.growWindows(Math.max(4, this.winCap * 2));
      w = this.nWin++;
      const o = HEADER + WINDOW * w;
      const f = this.f;
      const seq = this.seqNow();
      if (w === 0) this.startRing(seq);
      f[o + W_MS] = windowMs;
      f[o + W_HEAD] = seq;
      f[o + W_UP_MIN] = Infinity;
      f[o + W_DOWN_MIN] = Infinity;
      // No bound yet: the first tick that needs one scans for it.
      f[o + W_EDGE] = -Infinity;
      this.winUp.push(this.newIndex(Bound.min, o + W_UP_MIN));
      this.winDown.push(this.newIndex(Bound.min, o + W_DOWN_MIN));
      this.winUsers.push(0);
      this.ratesChanged(0);
    }
    this.winUsers[w] = (this.winUsers[w] as number) + 1;
    return (up ? this.winUp[w] : this.winDown[w]) as LevelIndex;
  }

  protected releaseWindow(windowMs: number): void {
    const w = this.findWindow(windowMs);
    const users = (this.winUsers[w] as number) - 1;
    this.winUsers[w] = users;
    if (users === 0) this.dropPending = true;
  }

  protected dropUnusedWindows(): void {
    this.dropPending = false;
    const f = this.f;
    let kept = 0;
    for (let w = 0; w < this.nWin; w++) {
      if (this.winUsers[w] === 0) {
        this.dropIndex(this.winUp[w] as LevelIndex);
        this.dropIndex(this.winDown[w] as LevelIndex);
        continue;
      }
      if (kept !== w) {
        f.copyWithin(HEADER + WINDOW * kept, HEADER + WINDOW * w, HEADER + WINDOW * (w + 1));
        const up = this.winUp[w] as LevelIndex;
        const down = this.winDown[w] as LevelIndex;
        up.boundAt = HEADER + WINDOW * kept + W_UP_MIN;
        down.boundAt = HEADER + WINDOW * kept + W_DOWN_MIN;
        this.winUp[kept] = up;
        this.winDown[kept] = down;
        this.winUsers[kept] = this.winUsers[w] as number;
      }
      kept++;
    }
    this.nWin = kept;
    this.winUp.length = this.winDown.length = this.winUsers.length = kept;
    if (kept === 0) this.stopRing();
    else this.findOldest(this.seqNow());
  }

  /** Fires the armed rules in [from, to) of an index (see InstrumentBook). */
  protected abstract fireLevels(
    index: LevelIndex,
    from: number,
    to: number,
    trigger: number,
    ts: number,
    out: Firing[],
    prev: number | null,
    ref: number | null,
  ): void;

  /**
   * Records the price; unless it stays within the windows' folded bracket, reads the reference of
   * each window the price may fire (see rate-reach) and folds the windows' bounds anew.
   */
  protected evaluateRates(ts: number, p: number, out: Firing[], prev: number | null): void {
    const seq = this.record(ts, p);
    const f = this.f;
    // Bounds are not renewed on ticks that come for another reason: on the bench that saved one tick
    // through the book per nine renewals, each reading the ring's cold memory.
    if (p >= (f[RATE_LO] as number) && p <= (f[RATE_HI] as number) && ts < (f[RATE_DUE] as number)) return;
    let lo = -Infinity;
    let hi = Infinity;
    let due = Infinity;
    for (let w = 0, o = HEADER; w < this.nWin; w++, o += WINDOW) {
      if ((f[o + W_UP_MIN] as number) === Infinity && (f[o + W_DOWN_MIN] as number) === Infinity) continue;
      if (boundsStale(f, o, ts, p)) {
        // Summaries are brought up to date only when a bound is renewed, from the entries written since.
        this.ring.summarise(f[OLDEST] as number, seq);
        renewBounds(f, o, this.ring, seq, ts, p);
      }
      let low = quietLow(f, o);
      let high = quietHigh(f, o);
      if (!(p >= low && p <= high)) {
        this.fireWindow(w, o, seq, ts, p, out, prev);
        // Firing took rules out of the window: its thresholds, and so its quiet prices, may have moved.
        low = quietLow(f, o);
        high = quietHigh(f, o);
      }
      lo = Math.max(lo, low);
      hi = Math.min(hi, high);
      due = Math.min(due, boundsExpire(f, o));
    }
    f[RATE_LO] = lo;
    f[RATE_HI] = hi;
    f[RATE_DUE] = due;
  }

  /**
   * A window's thresholds changed (a rule came in or went back; `boundAt` is where its index
   * mirrors into the window): the folded bracket must be redone on the next tick, and a
   * contained bound made for thresholds no longer armed renewed (see window-bounds).
   */
  protected ratesChanged(boundAt: number): void {
    const f = this.f;
    f[RATE_DUE] = -Infinity;
    if (boundAt < HEADER) return;
    const o = boundAt - ((boundAt - HEADER) % WINDOW);
    if (!containedHolds(f, o)) f[o + W_EDGE] = -Infinity;
  }

  /** Reads the window's reference and fires its rules the percent change reaches. */
  private fireWindow(w: number, o: number, seq: number, ts: number, p: number, out: Firing[], prev: number | null): void {
    const ref = this.ring.price(advanceHead(this.f, o, this.ring, seq, ts));
    // A zero reference (TICK, ADD can sit at 0) has no meaningful percent change.
    if (ref === 0) return;
    const pct = ((p - ref) / Math.abs(ref)) * 100;
    if (pct >= (this.f[o + W_UP_MIN] as number)) {
      const up = this.winUp[w] as LevelIndex;
      this.fireLevels(up, 0, up.upperBound(this.f, pct), pct, ts, out, prev, ref);
    }
    if (-pct >= (this.f[o + W_DOWN_MIN] as number)) {
      const down = this.winDown[w] as LevelIndex;
      this.fireLevels(down, 0, down.upperBound(this.f, -pct), pct, ts, out, prev, ref);
    }
  }

  /** Writes the tick's price to the ring, first freeing room past three-quarters full and growing it when full; returns the ring's next sequence number. */
  private record(ts: number, p: number): number {
    const ring = this.ring;
    const seq = this.seqNow();
    ring.unwrap(this.table.hot[this.at + POS] as number);
    const capacity = ring.capacity;
    const used = seq - (this.f[OLDEST] as number);
    // Heads move lazily: past three-quarters full, a tick through the book anyway frees what they
    // left behind, so that the fast path seldom runs out of room (it stops short of OLDEST).
    if (used >= (3 * capacity) / 4) {
      this.settle(ts, seq);
      const oldest = this.f[OLDEST] as number;
      // Full, and still three-quarters full once settled: the windows need the room, so it doubles
      // (a ring that settling would leave nearly full would otherwise stop the fast path every few ticks).
      if (used >= capacity && seq - oldest >= (3 * capacity) / 4) ring.resize(2 * capacity, oldest, seq);
    }
    ring.write(seq, ts, p);
    this.setSeq(seq + 1);
    return seq + 1;
  }

  /**
   * The ring's next sequence number: the book's count as of its last tick, plus the entries the
   * fast path has written since (it moves POS on and nothing else).
   */
  protected seqNow(): number {
    const f = this.f;
    const pos = this.table.hot[this.at + POS] as number;
    return pos < 0 ? (f[SEQ] as number) : (f[SEQ] as number) + (pos - (f[POS_AT] as number)) / 2;
  }

  /** Where the fast path may write up to (see book-layout), for publishing: into the region's slack, short of the oldest entry a window needs. */
  protected ringEnd(): number {
    const pos = this.table.hot[this.at + POS] as number;
    if (pos < 0) return Infinity;
    const ring = this.ring;
    const room = (this.f[OLDEST] as number) + ring.capacity - this.seqNow();
    return Math.min(ring.end, pos + 2 * room);
  }

  private setSeq(seq: number): void {
    const pos = this.ring.position(seq);
    this.f[SEQ] = seq;
    this.f[POS_AT] = pos;
    this.table.hot[this.at + POS] = pos;
  }

  /** The first window: the ring (given its region once) holds entries from sequence number `seq` on. */
  private startRing(seq: number): void {
    if (this.ring.base < 0) this.ring.resize(FIRST_CAPACITY, seq, seq);
    this.f[OLDEST] = blockStart(seq);
    this.setSeq(seq);
  }

  /** No window left: the fast path stops writing (the sequence number stays where it was). */
  private stopRing(): void {
    this.f[SEQ] = this.seqNow();
    this.f[POS_AT] = -1;
    this.table.hot[this.at + POS] = -1;
  }

  /** Moves every head past the blocks that left its window by tick time ts, to free the ring entries no window needs any more. */
  private settle(ts: number, seq: number): void {
    for (let w = 0, o = HEADER; w < this.nWin; w++, o += WINDOW) advanceBlocks(this.f, o, this.ring, seq, ts);
    this.findOldest(seq);
  }

  /** The ring keeps whole blocks from the oldest head on, so no summary a window reads is ever overwritten. */
  private findOldest(seq: number): void {
    const f = this.f;
    let oldest = seq;
    for (let w = 0, o = HEADER; w < this.nWin; w++, o += WINDOW) oldest = Math.min(oldest, f[o + W_HEAD] as number);
    f[OLDEST] = blockStart(oldest);
  }

  private findWindow(windowMs: number): number {
    for (let w = 0; w < this.nWin; w++) if (this.f[HEADER + WINDOW * w + W_MS] === windowMs) return w;
    return -1;
  }
}
