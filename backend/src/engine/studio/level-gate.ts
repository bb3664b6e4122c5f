import type { Firing } from '../types';
import { LEVEL_ROW, Lv, sideIn, stepRow, type LevelCondition } from './level-condition';
import { SeriesBlock } from './indicator-series';
import { solveRow } from './price-levels';
import { decideLevel } from './rule-check';

/**
 * An instrument's level-path conditions (in rule id order), and the gate that spares them ticks:
 * the range of last prices, and the time, over which none of them can fire or change state, so a
 * tick inside skips them all. It is the intersection of each condition's region around the last
 * price: there a crossing stays as it is, and a level condition does not hold (or its rule is
 * quiet until a time). It shuts when a bar closes or the rules change, and reopens after the next
 * tick that reads them all. Without conditions it is always open.
 *
 * Each condition's regions and reading state are a row of one table (see Lv): reopening the gate,
 * and reading a condition at a price inside its regions that neither fires it nor wakes its rule,
 * read that table alone, and so does solving them after a bar close (with the instrument's series
 * block, where the rows point: see solveRow); the condition objects, cold by then, are reached only
 * to read the indicators at a price outside the regions, or to decide.
 */
export class LevelGate {
  levels: LevelCondition[] = [];
  /** The instrument's series, which its conditions' rows point into (see Lv.subjectAt). */
  readonly block = new SeriesBlock();
  /** The conditions' rows, LEVEL_ROW numbers each, in the order of levels. */
  private rows = new Float64Array(0);
  from = -Infinity;
  to = Infinity;
  until = Infinity;
  /** A series closed a bar (or the rules changed): the regions of the conditions on bars of these lengths need solving again. */
  stale = false;
  /** The first staleCount entries (a count, not the length: emptying an array's length is a call into the runtime). */
  private readonly staleBars: number[] = [];
  private staleCount = 0;

  reset(levels: LevelCondition[]): void {
    const table = new Float64Array(levels.length * LEVEL_ROW);
    levels.forEach((level, i) => level.moveTo(table, i * LEVEL_ROW));
    this.levels = levels;
    this.rows = table;
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
    const t = this.rows;
    const m = this.block.m;
    for (let at = 0; at < t.length; at += LEVEL_ROW) if (this.closed(t[at + Lv.barMs] as number)) solveRow(m, t, at, price);
    this.staleCount = 0;
    this.stale = false;
  }

  private closed(barMs: number): boolean {
    for (let i = 0; i < this.staleCount; i++) if (this.staleBars[i] === barMs) return true;
    return false;
  }

  /**
   * Every condition reads a tick at this price, in id order: the side from its regions, or from its
   * indicators outside them; those that hold, unless their rule is quiet until later (decide() would
   * refuse at no cost to its state), or whose rule waits to re-arm, go on to decide (and may fire;
   * prev: the previous last price, for the firing). Then the gate reopens around it.
   */
  readAll(price: number, ts: number, prev: number, out: Firing[]): void {
    const t = this.rows;
    const levels = this.levels;
    if (price === price) {
      for (let i = 0, at = 0; i < levels.length; i++, at += LEVEL_ROW) {
        const side = sideIn(t, at, price) ?? (levels[i] as LevelCondition).sideRead(price);
        const holds = stepRow(t, at, side);
        if (t[at + Lv.waits] === 1 || (holds && !(ts < (t[at + Lv.quietEnd] as number))))
          decideLevel(levels[i] as LevelCondition, holds, price, prev, ts, out);
      }
    }
    this.reopen(price, ts);
  }

  /** After every condition read a tick at this price and time: the ticks that may skip them next. */
  reopen(price: number, ts: number): void {
    let from = -Infinity;
    let to = Infinity;
    let until = Infinity;
    const t = this.rows;
    for (let at = 0; at < t.length; at += LEVEL_ROW) {
      let side;
      if (price >= (t[at + Lv.lowFrom] as number) && price <= (t[at + Lv.lowTo] as number)) {
        side = t[at + Lv.lowSide] as number;
        from = Math.max(from, t[at + Lv.lowFrom] as number);
        to = Math.min(to, t[at + Lv.lowTo] as number);
      } else if (price >= (t[at + Lv.highFrom] as number) && price <= (t[at + Lv.highTo] as number)) {
        side = t[at + Lv.highSide] as number;
        from = Math.max(from, t[at + Lv.highFrom] as number);
        to = Math.min(to, t[at + Lv.highTo] as number);
      } else {
        return this.shut();
      }
      if (t[at + Lv.waits] === 1) return this.shut();
      // A level condition (not a crossing) that holds there: quiet since its last decide(), which nothing but another decide() (or an expiry, quieter still) can change.
      if (t[at + Lv.primes] === 0 && ((t[at + Lv.fires] as number) & (1 << side)) !== 0) {
        if (!((t[at + Lv.quietEnd] as number) > ts)) return this.shut();
        until = Math.min(until, t[at + Lv.quietEnd] as number);
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
