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
    const { mean, variance } = this.window.peek(x);
    const width = this.k * Math.sqrt(variance);
    return { middle: mean, upper: mean + width, lower: mean - width };
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
