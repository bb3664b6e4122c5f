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
    return { middle: this.peekBand(x, 'middle'), upper: this.peekBand(x, 'upper'), lower: this.peekBand(x, 'lower') };
  }

  /** One band of peek(x), allocating nothing (the tick path reads bands this way). */
  peekBand(x: number, band: 'upper' | 'middle' | 'lower'): number {
    this.window.peek(x);
    const mean = this.window.peekedMean;
    if (band === 'middle') return mean;
    const width = this.k * Math.sqrt(this.window.peekedVariance);
    return band === 'upper' ? mean + width : mean - width;
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
