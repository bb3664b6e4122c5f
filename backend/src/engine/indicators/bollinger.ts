import { FormingShape, ROUNDING, Shape } from './forming-shape';
import { SlidingWindow } from './window';

/**
 * Bollinger bands: the simple average of the last `period` prices ± k population standard
 * deviations (TA-Lib's BBANDS with a simple average). NaN until `period` prices have been seen.
 */
export class Bollinger {
  middle = NaN;
  upper = NaN;
  lower = NaN;
  private readonly window: SlidingWindow;

  constructor(
    readonly period = 20,
    readonly k = 2,
  ) {
    if (!(k > 0)) throw new RangeError(`k must be positive, got ${k}`);
    this.window = new SlidingWindow(period);
  }

  /** Bands update(x) would give, leaving the state as it is. */
  peek(x: number): { middle: number; upper: number; lower: number } {
    return { middle: this.peekLine(x, 'middle'), upper: this.peekLine(x, 'upper'), lower: this.peekLine(x, 'lower') };
  }

  /** One band of peek(x), allocating nothing (the tick path reads bands this way). */
  peekLine(x: number, band: 'upper' | 'middle' | 'lower'): number {
    this.window.peek(x);
    const mean = this.window.peekedMean;
    if (band === 'middle') return mean;
    const width = this.k * Math.sqrt(this.window.peekedVariance);
    return band === 'upper' ? mean + width : mean - width;
  }

  /**
   * The middle band is affine in the forming price. Price minus an outer band rises with the price
   * while k < √(period − 1): one value of n lies at most √(n − 1) deviations from their mean, so the
   * deviation moves slower than the price. That needs the variance formula, a parabola in the price,
   * to stay ≥ 0 everywhere (its minimum is the spread of the values that stay); its rounding is
   * amplified by the square root, least when that minimum is well above zero.
   */
  describeLine(into: FormingShape, band: 'upper' | 'middle' | 'lower', maxAbs: number): void {
    const w = this.window;
    if (!w.peekable) return into.set(Shape.none);
    const meanError = w.peekedMeanError(maxAbs);
    if (band === 'middle') return into.affine(1 / this.period, w.mean - w.leaving / this.period, meanError);
    const n = this.period;
    const m = w.mean;
    const shift = w.leaving - m;
    const alpha = 1 - 1 / n;
    const m2 = w.sumOfSquares;
    const lowest = m2 - (shift * shift) / alpha - ROUNDING * (Math.abs(m2) + (shift * shift) / alpha);
    if (!(this.k < 0.999 * Math.sqrt(n - 1) && lowest >= 0)) return into.set(Shape.unknown);
    const scale = maxAbs + Math.abs(w.leaving) + Math.abs(m);
    const varianceError = (ROUNDING * (Math.abs(m2) + 12 * scale * scale)) / n;
    const deviationError = Math.min(Math.sqrt(varianceError), varianceError / Math.sqrt(lowest / n)) + ROUNDING * 2 * scale;
    const error = meanError + this.k * deviationError + ROUNDING * (1 + this.k) * 2 * scale;
    into.trailing(error, alpha * (1 - this.k / Math.sqrt(n - 1)), this.meetsPrice(band === 'upper' ? 1 : -1));
  }

  /**
   * Roughly where the band of the forming bar equals its price: (α p − a)² = k² q(p) / n with
   * α = 1 − 1/n, a = mean − leaving / n and q the variance formula's numerator, a quadratic in p
   * (leading coefficient > 0 while k² < n − 1); the upper band takes its larger root, the lower its smaller.
   */
  private meetsPrice(sign: number): number {
    const w = this.window;
    const n = this.period;
    const alpha = 1 - 1 / n;
    const o = w.leaving;
    const m = w.mean;
    const a0 = m - o / n;
    const kk = (this.k * this.k) / n;
    const a = alpha * alpha - kk * alpha;
    const b = -2 * alpha * a0 + kk * (2 * alpha * o - 2 * (o - m));
    const c = a0 * a0 - kk * (w.sumOfSquares + alpha * o * o - 2 * (o - m) * o);
    const root = Math.sqrt(b * b - 4 * a * c);
    return (-b + sign * root) / (2 * a);
  }

  update(x: number): void {
    this.window.push(x);
    if (!this.window.full) return;
    const width = this.k * Math.sqrt(this.window.variance);
    this.middle = this.window.mean;
    this.upper = this.middle + width;
    this.lower = this.middle - width;
  }
}
