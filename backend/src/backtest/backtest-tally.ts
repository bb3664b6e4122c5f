import { BACKTEST_LIMITS, type BacktestFiring, type BacktestPricePoint, type BacktestResult } from '@tradeassist/shared-types';
import { toIso } from '../common';
import type { Firing } from '../engine';

/** What a backtest has found so far: every firing counted per UTC day, the first ones listed, and the price path. */
export class BacktestTally {
  private total = 0;
  private readonly perDay: Record<string, number> = {};
  private readonly listed: BacktestFiring[] = [];
  private readonly path: { step: number; tsMs: number; price: number }[] = [];
  private readonly stepMs: number;

  /** The range run over, which the price path cuts into equal steps. */
  constructor(
    private readonly fromMs: number,
    toMs: number,
  ) {
    this.stepMs = Math.max(1000, Math.ceil((toMs - fromMs + 1) / BACKTEST_LIMITS.pricePoints));
  }

  /** Every tick evaluated, in time order: the last of each step stays on the path. */
  sawTick(tsMs: number, price: number): void {
    const step = Math.floor((tsMs - this.fromMs) / this.stepMs);
    const last = this.path.at(-1);
    if (last && last.step === step) {
      last.tsMs = tsMs;
      last.price = price;
    } else this.path.push({ step, tsMs, price });
  }

  /** A firing on a tick of this price; message: its alert's text, asked only for the firings listed. */
  add(f: Firing, tickPrice: number, message: () => string): void {
    this.total++;
    const timestamp = toIso(f.tsMs) ?? '';
    const day = timestamp.slice(0, 10);
    this.perDay[day] = (this.perDay[day] ?? 0) + 1;
    if (this.listed.length >= BACKTEST_LIMITS.maxFiringsListed) return;
    this.listed.push({
      timestamp,
      trigger_value: f.triggerValue,
      threshold_value: f.thresholdValue,
      price: f.evaluatedPrice ?? tickPrice,
      evaluated_on: f.bar ? 'bar_close' : 'tick',
      indicators: f.indicators ?? null,
      message: message(),
    });
  }

  result(): BacktestResult {
    return {
      total_firings: this.total,
      per_day: { ...this.perDay },
      firings: [...this.listed],
      truncated: this.total > this.listed.length,
      price_path: this.path.map((p): BacktestPricePoint => ({ timestamp: toIso(p.tsMs) ?? '', price: p.price })),
    };
  }
}
