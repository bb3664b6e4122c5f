import { barStart } from '@tradeassist/shared-types';

export const BAR_MS = 60_000;

/** What changed in one instrument's 1-minute bar since the last write; merged into the stored bar by upsert. */
export interface BarDelta {
  instrumentId: number;
  startTs: number;
  /** First in-order price of this delta; only used when the bar is new. */
  open: number;
  high: number;
  low: number;
  /** Last in-order price; null when only late ticks touched the bar. */
  close: number | null;
  volume: number;
  tickCount: number;
}

/** Rolls ticks into per-minute OHLCV deltas in memory; drain() hands them to the writer. */
export class BarRoller {
  private deltas = new Map<string, BarDelta>();

  add(instrumentId: number, tsMs: number, price: number, volume: number, inOrder: boolean): void {
    const startTs = barStart(tsMs, BAR_MS);
    const key = `${instrumentId}:${startTs}`;
    const d = this.deltas.get(key);
    if (!d) {
      this.deltas.set(key, {
        instrumentId,
        startTs,
        open: price,
        high: price,
        low: price,
        close: inOrder ? price : null,
        volume,
        tickCount: 1,
      });
      return;
    }
    if (price > d.high) d.high = price;
    if (price < d.low) d.low = price;
    if (inOrder) d.close = price;
    d.volume += volume;
    d.tickCount += 1;
  }

  get size(): number {
    return this.deltas.size;
  }

  /** Drops what an instrument's ticks added (the instrument was deleted: its bars are gone with it). */
  forget(instrumentId: number): void {
    for (const [key, d] of this.deltas) if (d.instrumentId === instrumentId) this.deltas.delete(key);
  }

  /** Puts back deltas drained earlier (their write failed), before whatever arrived since. */
  restore(older: BarDelta[]): void {
    for (const o of older) {
      const key = `${o.instrumentId}:${o.startTs}`;
      const newer = this.deltas.get(key);
      this.deltas.set(
        key,
        newer
          ? {
              ...o,
              high: Math.max(o.high, newer.high),
              low: Math.min(o.low, newer.low),
              close: newer.close ?? o.close,
              volume: o.volume + newer.volume,
              tickCount: o.tickCount + newer.tickCount,
            }
          : o,
      );
    }
  }

  drain(): BarDelta[] {
    const out = [...this.deltas.values()];
    this.deltas = new Map();
    return out;
  }
}
