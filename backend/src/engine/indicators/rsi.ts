import { ROUNDING, Shape, type FormingShape, type PriceInverse } from './forming-shape';

/**
 * Wilder's relative strength index: average gain and loss seeded by the simple average of the
 * first `period` changes, then smoothed as avg = (avg × (period − 1) + change) / period.
 * RSI = 100 × avgGain / (avgGain + avgLoss); 0 when the price has not moved at all (TA-Lib's
 * convention). NaN until `period` changes have been seen.
 */
export class Rsi implements PriceInverse {
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
    this.next(x - prev);
    this.gain = this.nextGain;
    this.loss = this.nextLoss;
    if (++this.changes < this.period) return this.value;
    this.value = rsiOf(this.gain, this.loss);
    return this.value;
  }

  /** The value update(x) would give, leaving the state as it is. */
  peek(x: number): number {
    if (this.prev !== this.prev || this.changes + 1 < this.period) return NaN;
    this.next(x - this.prev);
    return rsiOf(this.nextGain, this.nextLoss);
  }

  /**
   * peek(p) never falls as p rises: above the last close the gain grows, below it the loss shrinks.
   * Every term is ≥ 0, so its rounding stays within a few units of the last place of 100; averages
   * so small that they would round to zero are left unknown. Its bound does not depend on the price.
   */
  describe(into: FormingShape, _maxAbs?: number): void {
    if (this.prev !== this.prev || this.changes + 1 < this.period) into.set(Shape.none);
    else if (!(usable(this.gain) && usable(this.loss) && Number.isFinite(this.prev))) into.set(Shape.unknown);
    else into.rising(100 * ROUNDING, this);
  }

  /** Roughly the forming price at which peek gives this value: RSI = 100 (G + up) / (G + up + L + down) solved for the move. */
  priceFor(value: number): number {
    const n = this.period;
    const seeding = this.changes === n - 1;
    const g = seeding ? this.gain : this.gain * (n - 1);
    const l = seeding ? this.loss : this.loss * (n - 1);
    const atPrev = g + l === 0 ? 0 : (100 * g) / (g + l);
    if (!(value > 0 && value < 100)) return NaN;
    // Above the last close the gain grows until the ratio reaches the value; below it the loss does.
    return value >= atPrev ? this.prev + (value * l) / (100 - value) - g : this.prev - ((100 * g) / value - g - l);
  }

  private nextGain = 0;
  private nextLoss = 0;

  /** Average gain and loss after one more change, into nextGain/nextLoss (sums until the first `period` changes are in). */
  private next(change: number): void {
    const up = change > 0 ? change : 0;
    const down = change < 0 ? -change : 0;
    const n = this.period;
    if (this.changes < n - 1) {
      this.nextGain = this.gain + up;
      this.nextLoss = this.loss + down;
    } else if (this.changes === n - 1) {
      this.nextGain = (this.gain + up) / n;
      this.nextLoss = (this.loss + down) / n;
    } else {
      this.nextGain = (this.gain * (n - 1) + up) / n;
      this.nextLoss = (this.loss * (n - 1) + down) / n;
    }
  }
}

/** Finite, and zero or far above where dividing by the period could underflow. */
function usable(average: number): boolean {
  return average === 0 || (average > 1e-250 && average < Infinity);
}

function rsiOf(gain: number, loss: number): number {
  const total = gain + loss;
  return total === 0 ? 0 : (100 * gain) / total;
}
