import * as L from './book-layout';
import { Bound, LevelIndex } from './level-index';

const { HEADER, OLDEST, RING_HI, RING_LO, SEQ, WINDOW, W_HEAD, W_MS, W_UP_MIN, W_DOWN_MIN } = L;

/**
 * An instrument's numeric block `f` (see book-layout) and the bookkeeping of its rate-of-change
 * windows: one window per distinct length, shared by every rule using it, all reading one price
 * ring. The ring holds prices back to the oldest window head and grows (doubling) only when a
 * window needs more; memory stays bounded by the longest window. InstrumentBook evaluates them.
 */
export class RateWindows {
  f: Float64Array = L.newHeader(HEADER);
  protected nWin = 0;
  protected winCap = 0;
  protected ringCap = 0;
  protected mask = 0;
  protected ringOff = HEADER;
  /** Per window (same order as in `f`): its up / down indexes and how many rules use it. */
  protected readonly winUp: LevelIndex[] = [];
  protected readonly winDown: LevelIndex[] = [];
  private readonly winUsers: number[] = [];
  /** A window lost its last rule: dropped at the next tick unless a rule takes it up first (so an edit keeps its history). */
  protected dropPending = false;

  /** The index for a rate rule of that window length and direction; the window is created empty (its first price is the next tick's). */
  protected useWindow(windowMs: number, up: boolean): LevelIndex {
    let w = this.findWindow(windowMs);
    if (w < 0) {
      if (this.nWin === this.winCap) this.resize(Math.max(4, this.winCap * 2), Math.max(64, this.ringCap));
      w = this.nWin++;
      const o = HEADER + WINDOW * w;
      const f = this.f;
      if (w === 0) f[OLDEST] = f[SEQ] as number;
      f[o + W_MS] = windowMs;
      f[o + W_HEAD] = f[SEQ] as number;
      f[o + W_UP_MIN] = Infinity;
      f[o + W_DOWN_MIN] = Infinity;
      this.winUp.push(new LevelIndex(Bound.min, o + W_UP_MIN));
      this.winDown.push(new LevelIndex(Bound.min, o + W_DOWN_MIN));
      this.winUsers.push(0);
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
      if (this.winUsers[w] === 0) continue;
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
    let oldest = f[SEQ] as number;
    for (let w = 0; w < kept; w++) oldest = Math.min(oldest, f[HEADER + WINDOW * w + W_HEAD] as number);
    f[OLDEST] = oldest;
  }

  /**
   * Moves a window's head past the prices that left it by tick time ts; returns the ring offset of
   * the head entry. Heads move only when a window's reference is needed (or the ring must make
   * room): ticks only go forward, so a late move lands where moving on every tick would have.
   */
  protected advanceHead(o: number, ts: number): number {
    const f = this.f;
    const ringOff = this.ringOff;
    const mask = this.mask;
    const from = ts - (f[o + W_MS] as number);
    let head = f[o + W_HEAD] as number;
    const seq = f[SEQ] as number;
    let h = ringOff + 2 * (head & mask);
    // Before the tick's own price is written every entry may have left: the head then waits at SEQ for it.
    while (head < seq && (f[h] as number) < from) h = ringOff + 2 * (++head & mask);
    f[o + W_HEAD] = head;
    return h;
  }

  /** Moves every head to tick time ts and recomputes the oldest entry held; with `rebound`, the ring's price bounds too. */
  protected settle(ts: number, rebound: boolean): void {
    const f = this.f;
    let oldest = f[SEQ] as number;
    for (let w = 0, o = HEADER; w < this.nWin; w++, o += WINDOW) {
      this.advanceHead(o, ts);
      oldest = Math.min(oldest, f[o + W_HEAD] as number);
    }
    f[OLDEST] = oldest;
    if (!rebound) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (let s = oldest, end = f[SEQ] as number; s < end; s++) {
      const price = f[this.ringOff + 2 * (s & this.mask) + 1] as number;
      if (price < lo) lo = price;
      if (price > hi) hi = price;
    }
    f[RING_LO] = lo;
    f[RING_HI] = hi;
  }

  /** Moves `f` to a larger block (more windows, a longer ring); returns it. */
  protected resize(winCap: number, ringCap: number): Float64Array {
    this.f = L.relayout(this.f, this.winCap, this.ringCap, winCap, ringCap);
    this.winCap = winCap;
    this.ringCap = ringCap;
    this.mask = ringCap - 1;
    this.ringOff = HEADER + WINDOW * winCap;
    return this.f;
  }

  private findWindow(windowMs: number): number {
    for (let w = 0; w < this.nWin; w++) if (this.f[HEADER + WINDOW * w + W_MS] === windowMs) return w;
    return -1;
  }
}
