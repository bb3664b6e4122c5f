import { BACKTEST_LIMITS, type BacktestFiring, type BacktestResult } from '@tradeassist/shared-types';
import { toIso } from '../common';
import type { Firing } from '../engine';

/** What a backtest has found so far: every firing counted per UTC day, the first ones listed. */
export class BacktestTally {
  private total = 0;
  private readonly perDay: Record<string, number> = {};
  private readonly listed: BacktestFiring[] = [];

  add(f: Firing, tickPrice: number): void {
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
    });
  }

  result(): BacktestResult {
    return {
      total_firings: this.total,
      per_day: { ...this.perDay },
      firings: [...this.listed],
      truncated: this.total > this.listed.length,
    };
  }
}
