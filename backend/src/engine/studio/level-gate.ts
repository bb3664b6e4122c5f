import type { LevelCondition } from './level-condition';

/**
 * An instrument's level-path conditions (in rule id order), and the gate that spares them ticks:
 * the range of last prices, and the time, over which none of them can fire or change state, so a
 * tick inside skips them all. It is the intersection of each condition's region around the last
 * price: there a crossing stays as it is, and a level condition does not hold (or its rule is
 * quiet until a time). It shuts when a bar closes or the rules change, and reopens after the next
 * tick that reads them all. Without conditions it is always open.
 */
export class LevelGate {
  levels: LevelCondition[] = [];
  from = -Infinity;
  to = Infinity;
  until = Infinity;
  /** A series closed a bar (or the rules changed): the regions of the conditions on bars of these lengths need solving again. */
  stale = false;
  /** The first staleCount entries (a count, not the length: emptying an array's length is a call into the runtime). */
  private readonly staleBars: number[] = [];
  private staleCount = 0;

  reset(levels: LevelCondition[]): void {
    this.levels = levels;
    this.staleCount = 0;
    for (const level of levels) this.barClosed(level.barMs);
    if (levels.length === 0) this.open(-Infinity, Infinity, Infinity);
  }

  /** A series on bars of this length closed one: the conditions that read it have new values. */
  barClosed(barMs: number): void {
    if (!this.closed(barMs)) this.staleBars[this.staleCount++] = barMs;
    this.stale = true;
    this.shut();
  }

  passes(price: number, ts: number): boolean {
    return ts < this.until && price >= this.from && price <= this.to;
  }

  /** Until the next tick that reads every condition. */
  shut(): void {
    if (this.levels.length > 0) this.open(Infinity, -Infinity, -Infinity);
  }

  /** Solves again, around the price (the tick's, or the last known), the regions of the conditions whose bars closed. */
  solve(price: number): void {
    for (const level of this.levels) if (this.closed(level.barMs)) level.solve(price);
    this.staleCount = 0;
    this.stale = false;
  }

  private closed(barMs: number): boolean {
    for (let i = 0; i < this.staleCount; i++) if (this.staleBars[i] === barMs) return true;
    return false;
  }

  /** After every condition read a tick at this price and time: the ticks that may skip them next. */
  reopen(price: number, ts: number): void {
    let from = -Infinity;
    let to = Infinity;
    let until = Infinity;
    for (const level of this.levels) {
      let side;
      if (price >= level.lowFrom && price <= level.lowTo) {
        side = level.lowSide;
        from = Math.max(from, level.lowFrom);
        to = Math.min(to, level.lowTo);
      } else if (price >= level.highFrom && price <= level.highTo) {
        side = level.highSide;
        from = Math.max(from, level.highFrom);
        to = Math.min(to, level.highTo);
      } else {
        return this.shut();
      }
      if (level.rearms && level.rule.waiting) return this.shut();
      if (level.holdsOn(side)) {
        // Quiet since its last decide(), which nothing but another decide() (or an expiry, quieter still) can change.
        if (!(level.quietEnd > ts)) return this.shut();
        until = Math.min(until, level.quietEnd);
      }
    }
    this.open(from, to, until);
  }

  private open(from: number, to: number, until: number): void {
    this.from = from;
    this.to = to;
    this.until = until;
  }
}
