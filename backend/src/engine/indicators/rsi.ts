/**
 * Wilder's relative strength index: average gain and loss seeded by the simple average of the
 * first `period` changes, then smoothed as avg = (avg × (period − 1) + change) / period.
 * RSI = 100 × avgGain / (avgGain + avgLoss); 0 when the price has not moved at all (TA-Lib's
 * convention). NaN until `period` changes have been seen.
 */
export class Rsi {
  value = NaN;
  private prev = NaN;
  private gain = 0;
  private loss = 0;
  private changes = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 2) throw new RangeError(`period must be a whole number ≥ 2, got ${period}`);
  }

  update(x: number): number {
    const prev = this.prev;
    this.prev = x;
    if (prev !== prev) return this.value;
    const change = x - prev;
    const up = change > 0 ? change : 0;
    const down = change < 0 ? -change : 0;
    const n = this.period;
    if (this.changes < n) {
      this.gain += up;
      this.loss += down;
      if (++this.changes < n) return this.value;
      this.gain /= n;
      this.loss /= n;
    } else {
      this.gain = (this.gain * (n - 1) + up) / n;
      this.loss = (this.loss * (n - 1) + down) / n;
    }
    const total = this.gain + this.loss;
    this.value = total === 0 ? 0 : (100 * this.gain) / total;
    return this.value;
  }
}
