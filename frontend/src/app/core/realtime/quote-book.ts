import { Injectable, inject, signal } from '@angular/core';
import type { Instrument, TickUpdate } from '@tradeassist/shared-types';
import { RealtimeService } from './realtime.service';

export const SPARK_POINTS = 60;

export interface Quote {
  price: number;
  bid: number | null;
  ask: number | null;
  /** First price this console saw in this session: the base of the change column. */
  first: number;
  /** The most recent prices, oldest first, at most SPARK_POINTS. */
  history: number[];
  direction: 'up' | 'down' | null;
  /** Increments on every price change so a flash animation can restart. */
  seq: number;
  timestamp: string | null;
}

/**
 * Live quotes per symbol for the whole browser session. It outlives the pages, so the change
 * column and the sparklines keep their history when the user visits another page and returns.
 */
@Injectable({ providedIn: 'root' })
export class QuoteBook {
  private readonly realtime = inject(RealtimeService);
  private readonly book = signal<Readonly<Record<string, Quote>>>({});
  readonly quotes = this.book.asReadonly();
  private started = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    this.realtime.on('tick_update').subscribe((tick) => this.apply(tick));
  }

  /** The stored last price starts a quote only for a symbol that has not ticked yet. */
  seed(instruments: readonly Instrument[]): void {
    const missing = instruments.filter((i) => i.last_price !== null && !this.book()[i.symbol]);
    if (missing.length === 0) return;
    this.book.update((current) => {
      const next = { ...current };
      for (const i of missing) {
        const price = i.last_price as number;
        next[i.symbol] = { price, bid: null, ask: null, first: price, history: [price], direction: null, seq: 0, timestamp: i.last_tick };
      }
      return next;
    });
  }

  apply(tick: TickUpdate): void {
    this.book.update((current) => {
      const prev = current[tick.symbol];
      const moved = prev !== undefined && tick.price !== prev.price;
      const quote: Quote = {
        price: tick.price,
        bid: tick.bid,
        ask: tick.ask,
        first: prev?.first ?? tick.price,
        history: prev ? [...prev.history.slice(-(SPARK_POINTS - 1)), tick.price] : [tick.price],
        direction: moved ? (tick.price > prev.price ? 'up' : 'down') : (prev?.direction ?? null),
        seq: (prev?.seq ?? 0) + (moved ? 1 : 0),
        timestamp: tick.timestamp,
      };
      return { ...current, [tick.symbol]: quote };
    });
  }
}
