import { FormingShape, ROUNDING, Shape } from './forming-shape';
import { SlidingWindow } from './window';

/** Simple moving average of the last `period` values; NaN until it has them. */
export class Sma {
  value = NaN;
  private readonly window: SlidingWindow;

  constructor(readonly period: number) {
    this.window = new SlidingWindow(period);
  }

  update(x: number): number {
    this.window.push(x);
    if (this.window.full) this.value = this.window.mean;
    return this.value;
  }

  /** The value update(x) would give, leaving the state as it is (a bar still forming). */
  peek(x: number): number {
    this.window.peek(x);
    return this.window.peekedMean;
  }

  /** peek(p) is (p − the leaving value) / period above the mean: affine in p. */
  describe(into: FormingShape, maxAbs: number): void {
    const w = this.window;
    if (w.peekable) into.affine(1 / this.period, w.mean - w.leaving / this.period, w.peekedMeanError(maxAbs));
    else into.set(Shape.none);
  }
}

/**
 * Exponential moving average, k = 2 / (period + 1), seeded by the simple average of the first
 * `period` values (TA-Lib's convention): NaN before that.
 */
export class Ema {
  value = NaN;
  private readonly k: number;
  private seedSum = 0;
  private seen = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`period must be a whole number ≥ 1, got ${period}`);
    this.k = 2 / (period + 1);
  }

  update(x: number): number {
    if (this.seen < this.period) {
      this.seedSum += x;
      if (++this.seen === this.period) this.value = this.seedSum / this.period;
      return this.value;
    }
    this.value += (x - this.value) * this.k;
    return this.value;
  }

  /** The value update(x) would give, leaving the state as it is. */
  peek(x: number): number {
    if (this.seen < this.period - 1) return NaN;
    if (this.seen === this.period - 1) return (this.seedSum + x) / this.period;
    return this.value + (x - this.value) * this.k;
  }

  /** Starts the average at a given value, as if `period` values had averaged to it (MACD aligns its fast line this way). */
  seed(value: number): void {
    this.seen = this.period;
    this.value = value;
  }

  /** peek(p) is (seed sum + p) / period on the last seeding value, then value + (p − value) × k: affine in p. */
  describe(into: FormingShape, maxAbs: number): void {
    if (this.seen < this.period - 1) into.set(Shape.none);
    else if (this.seen === this.period - 1)
      into.affine(1 / this.period, this.seedSum / this.period, ROUNDING * (Math.abs(this.seedSum) + maxAbs));
    else into.affine(this.k, this.value * (1 - this.k), ROUNDING * (Math.abs(this.value) + maxAbs));
  }
}
