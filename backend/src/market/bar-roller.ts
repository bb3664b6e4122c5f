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
    const startTs = tsMs - (((tsMs % BAR_MS) + BAR_MS) % BAR_MS);
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

  drain(): BarDelta[] {
    const out = [...this.deltas.values()];
    this.deltas = new Map();
    return out;
  }
}
