import { ROUNDING } from './forming-shape';

/**
 * The last `period` values, with their sum and sum of squared deviations kept incrementally
 * (sliding Welford: stable where a plain sum of squares cancels catastrophically, e.g. a price of
 * 6 000 moving by cents). Both are recomputed exactly once per `period` updates, so rounding
 * never accumulates: O(1) amortised per update.
 */
export class SlidingWindow {
  private readonly values: Float64Array;
  private next = 0;
  private count = 0;
  private sinceExact = 0;
  private meanValue = 0;
  private m2 = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`period must be a whole number ≥ 1, got ${period}`);
    this.values = new Float64Array(period);
  }

  get full(): boolean {
    return this.count === this.period;
  }

  get mean(): number {
    return this.meanValue;
  }

  /** Whether peek gives values: the window is full, or one value short. */
  get peekable(): boolean {
    return this.count >= this.period - 1;
  }

  /** The value peek(x) replaces: the oldest when full, the mean when one short (its formulas read the same with it). */
  get leaving(): number {
    return this.count === this.period ? (this.values[this.next] as number) : this.meanValue;
  }

  /** The sum of squared deviations from the mean that the variance divides. */
  get sumOfSquares(): number {
    return this.m2;
  }

  /** Bounds the rounding of peekedMean (mean + (x − leaving) / period) for |x| ≤ maxAbs. */
  peekedMeanError(maxAbs: number): number {
    return ROUNDING * (Math.abs(this.meanValue) + Math.abs(this.leaving) + maxAbs);
  }

  /** Population variance of the values held. */
  get variance(): number {
    return this.count > 0 ? Math.max(0, this.m2 / this.count) : 0;
  }

  /** Set by peek(): mean and population variance the window would have after push(x). */
  peekedMean = NaN;
  peekedVariance = NaN;

  /** Works out peekedMean and peekedVariance for push(x) without pushing (NaN until that fills the window); allocates nothing. */
  peek(x: number): void {
    const n = this.period;
    if (this.count < n - 1) {
      this.peekedMean = this.peekedVariance = NaN;
    } else if (this.count === n - 1) {
      const delta = x - this.meanValue;
      this.peekedMean = this.meanValue + delta / n;
      this.peekedVariance = Math.max(0, (this.m2 + delta * (x - this.peekedMean)) / n);
    } else {
      const old = this.values[this.next] as number;
      this.peekedMean = this.meanValue + (x - old) / n;
      this.peekedVariance = Math.max(0, (this.m2 + (x - old) * (x - this.peekedMean + old - this.meanValue)) / n);
    }
  }

  push(x: number): void {
    if (this.count < this.period) {
      this.values[this.next] = x;
      this.next = (this.next + 1) % this.period;
      this.count++;
      const delta = x - this.meanValue;
      this.meanValue += delta / this.count;
      this.m2 += delta * (x - this.meanValue);
      return;
    }
    const old = this.values[this.next] as number;
    this.values[this.next] = x;
    this.next = (this.next + 1) % this.period;
    if (++this.sinceExact >= this.period) {
      this.recompute();
      return;
    }
    const mean = this.meanValue + (x - old) / this.period;
    this.m2 += (x - old) * (x - mean + old - this.meanValue);
    this.meanValue = mean;
  }

  private recompute(): void {
    this.sinceExact = 0;
    let sum = 0;
    for (let i = 0; i < this.period; i++) sum += this.values[i] as number;
    const mean = sum / this.period;
    let m2 = 0;
    for (let i = 0; i < this.period; i++) {
      const d = (this.values[i] as number) - mean;
      m2 += d * d;
    }
    this.meanValue = mean;
    this.m2 = m2;
  }
}
