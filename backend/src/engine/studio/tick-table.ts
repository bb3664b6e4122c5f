import type { PriceSource } from '@tradeassist/shared-types';
import { DenseIds } from '../dense-ids';
import type { EngineTick } from '../types';
import type { Quote } from './quote';

/** Where each number sits in a row (see TickTable). */
export const Col = {
  lastTs: 0,
  /** Ticks before this time may take the quiet path (−∞: none may). */
  quietUntil: 1,
  /** Last prices from … to (bounds included) that the quiet path takes. */
  quietFrom: 2,
  quietTo: 3,
  /** Ticks evaluated: lazy series count what they skipped by it. */
  ticks: 4,
  /** Previous price per source, and the count of the tick it came with. */
  last: 5,
  lastAt: 6,
  bid: 7,
  bidAt: 8,
  ask: 9,
  askAt: 10,
  mid: 11,
  midAt: 12,
  /** The bounds last handed to the fold (see TickTable.fold): from, to, until. */
  foldFrom: 13,
  foldTo: 14,
  foldUntil: 15,
} as const;

/** Numbers per row: a row starts at row × STRIDE. */
export const STRIDE = 16;

/**
 * What a tick reads and writes for every instrument, one row of numbers each in one typed array:
 * a tick that can change nothing but the previous prices (no bar to close, inside the level gate,
 * nothing else to read) is handled from its row alone, without reaching the instrument's objects,
 * which are cold by then. The instrument publishes when and where that quiet path applies.
 */
export class TickTable {
  data: Float64Array = new Float64Array(STRIDE * 64);
  private rows = 0;
  /** Rows by instrument id, for small whole ids (others take the full path). */
  private readonly byId = new DenseIds();
  /** By instrument id: 1 where the fold stands for the quiet path, so a tick it passes need not come here at all. */
  private readonly folded = new DenseIds();

  /** fold: where to hand each instrument's quiet path, for another engine to check first (see StudioEngine). */
  constructor(private readonly foldInto?: Fold) {}

  /** A new row for an instrument (its index): late for nothing, quiet path shut, no prices yet. */
  add(instrumentId: number): number {
    if ((this.rows + 1) * STRIDE > this.data.length) this.data = grown(this.data, this.data.length * 2);
    const row = this.rows++;
    const o = row * STRIDE;
    const d = this.data;
    d[o + Col.lastTs] = -Infinity;
    d[o + Col.quietUntil] = -Infinity;
    d[o + Col.quietFrom] = Infinity;
    d[o + Col.quietTo] = -Infinity;
    for (const c of [Col.last, Col.bid, Col.ask, Col.mid]) {
      d[o + c] = NaN;
      d[o + c + 1] = -1;
    }
    d[o + Col.foldFrom] = -Infinity;
    d[o + Col.foldTo] = Infinity;
    d[o + Col.foldUntil] = Infinity;
    this.byId.set(instrumentId, row);
    return row;
  }

  /** The row of an instrument with a small whole id, or −1. */
  rowOf(instrumentId: number): number {
    return this.byId.get(instrumentId);
  }

  /**
   * Hands the quiet path of the instrument (its row at o) to the fold when it reads nothing but the
   * gate (quiet: true), and takes it back otherwise; only changes are handed on. Ids the table
   * cannot hold densely are never folded.
   */
  fold(instrumentId: number, o: number, quiet: boolean, from: number, to: number, until: number): void {
    const into = this.foldInto;
    if (!into || this.byId.get(instrumentId) < 0) return;
    this.folded.set(instrumentId, quiet ? 1 : 0);
    if (!quiet) {
      from = -Infinity;
      to = until = Infinity;
    }
    const d = this.data;
    if (d[o + Col.foldFrom] === from && d[o + Col.foldTo] === to && d[o + Col.foldUntil] === until) return;
    d[o + Col.foldFrom] = from;
    d[o + Col.foldTo] = to;
    d[o + Col.foldUntil] = until;
    into(instrumentId, from, to, until);
  }

  /** Whether ticks of the instrument that the fold passes may skip this table (they change nothing here but what catchUp restores). */
  folds(instrumentId: number): boolean {
    return this.folded.get(instrumentId) === 1;
  }

  /**
   * Before the next tick that comes here, after ticks that skipped it: the latest of their prices
   * (they had no bid or ask) becomes the previous last price, stamped as one more tick.
   */
  catchUp(instrumentId: number, lastPrice: number): void {
    if (!this.folds(instrumentId) || lastPrice !== lastPrice) return;
    const o = this.byId.get(instrumentId) * STRIDE;
    const d = this.data;
    if (d[o + Col.last] === lastPrice) return;
    const n = (d[o + Col.ticks] as number) + 1;
    d[o + Col.ticks] = n;
    keep(d, o + Col.last, lastPrice, n);
  }

  /** After a tick: the prices it had become the previous ones, stamped with its count. */
  remember(o: number, q: Quote): void {
    const d = this.data;
    const n = d[o + Col.ticks] as number;
    if (q.last === q.last) keep(d, o + Col.last, q.last, n);
    this.rememberSides(o, q.bid, q.ask, n);
  }

  /**
   * The same for a tick on the quiet path, read from the tick itself: a tick without bid and ask (the
   * common case) writes one price and its stamp, and no Quote is filled for nothing.
   */
  rememberTick(o: number, tick: EngineTick): void {
    const d = this.data;
    const n = d[o + Col.ticks] as number;
    keep(d, o + Col.last, tick.price, n);
    if (tick.bid != null || tick.ask != null) this.rememberSides(o, tick.bid ?? NaN, tick.ask ?? NaN, n);
  }

  /** Bid, ask, and their mid when both are known (NaN: the tick lacks it, the previous one stays). */
  private rememberSides(o: number, bid: number, ask: number, n: number): void {
    const d = this.data;
    if (bid === bid) keep(d, o + Col.bid, bid, n);
    if (ask === ask) keep(d, o + Col.ask, ask, n);
    const mid = (bid + ask) / 2;
    if (mid === mid) keep(d, o + Col.mid, mid, n);
  }
}

/** Takes an instrument's quiet path over: while its price stays in [from, to] before tick time until, its ticks need not come. */
export type Fold = (instrumentId: number, from: number, to: number, until: number) => void;

/** The column of a source's previous price (its count is the next one). */
export function priceCol(source: PriceSource): number {
  return source === 'last' ? Col.last : source === 'bid' ? Col.bid : source === 'ask' ? Col.ask : Col.mid;
}

/** The same by source code (SOURCE_CODE: last, bid, ask, mid from 0), as series entries keep it: the columns go in that order, two apart. */
export function sourceCol(code: number): number {
  return Col.last + 2 * code;
}

function keep(d: Float64Array, at: number, price: number, n: number): void {
  d[at] = price;
  d[at + 1] = n;
}

function grown(d: Float64Array, length: number): Float64Array {
  const more = new Float64Array(length);
  more.set(d);
  return more;
}
