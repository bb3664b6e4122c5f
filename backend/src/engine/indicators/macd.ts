import { FormingShape, ROUNDING, Shape } from './forming-shape';
import { Ema } from './moving-averages';

const scratch = new FormingShape();

/**
 * MACD line (fast EMA − slow EMA), its signal line (EMA of the MACD line) and the histogram
 * (MACD − signal). As in TA-Lib both EMAs start on the same value: the slow one seeded by the
 * average of its first `slow` prices, the fast one by the average of the last `fast` of those.
 * Fields are NaN until defined: the MACD line from the `slow`-th price, signal and histogram
 * `signal − 1` prices later.
 */
export class Macd {
  macd = NaN;
  signal = NaN;
  histogram = NaN;
  private readonly fastEma: Ema;
  private readonly slowEma: Ema;
  private readonly signalEma: Ema;
  /** The first `slow` prices, until both EMAs are seeded. */
  private warmup: number[] | null = [];

  constructor(
    readonly fast = 12,
    readonly slow = 26,
    signal = 9,
  ) {
    if (!(fast < slow)) throw new RangeError(`the fast period (${fast}) must be shorter than the slow one (${slow})`);
    this.fastEma = new Ema(fast);
    this.slowEma = new Ema(slow);
    this.signalEma = new Ema(signal);
  }

  update(x: number): void {
    if (this.warmup) {
      this.warmup.push(x);
      if (this.warmup.length < this.slow) return;
      this.slowEma.seed(average(this.warmup, 0));
      this.fastEma.seed(average(this.warmup, this.slow - this.fast));
      this.warmup = null;
    } else {
      this.fastEma.update(x);
      this.slowEma.update(x);
    }
    this.macd = this.fastEma.value - this.slowEma.value;
    this.signal = this.signalEma.update(this.macd);
    this.histogram = this.macd - this.signal;
  }

  peek(x: number): MacdValues {
    return { macd: this.peekLine(x, 'macd'), signal: this.peekLine(x, 'signal'), histogram: this.peekLine(x, 'histogram') };
  }

  /** One line of peek(x), allocating nothing once warmed up (the tick path reads lines this way). */
  peekLine(x: number, line: 'macd' | 'signal' | 'histogram'): number {
    let macd: number;
    if (this.warmup) {
      if (this.warmup.length < this.slow - 1) return NaN;
      macd = averageWith(this.warmup, x, this.slow - this.fast) - averageWith(this.warmup, x, 0);
    } else {
      macd = this.fastEma.peek(x) - this.slowEma.peek(x);
    }
    if (line === 'macd') return macd;
    const signal = this.signalEma.peek(macd);
    return line === 'signal' ? signal : macd - signal;
  }

  /** Each line of peekLine(p) is affine in p: the MACD line is a difference of two averages, the signal an average of it. */
  describeLine(into: FormingShape, line: 'macd' | 'signal' | 'histogram', maxAbs: number): void {
    let slope: number;
    let intercept: number;
    let error: number;
    /** A bound on |MACD line| for |p| ≤ maxAbs: the signal's bound is taken there. */
    let magnitude: number;
    if (this.warmup) {
      if (this.warmup.length < this.slow - 1) return into.set(Shape.none);
      let abs = 0;
      let all = 0;
      let recent = 0;
      for (let i = 0; i < this.warmup.length; i++) {
        const x = this.warmup[i] as number;
        abs += Math.abs(x);
        all += x;
        if (i >= this.slow - this.fast) recent += x;
      }
      slope = 1 / this.fast - 1 / this.slow;
      intercept = recent / this.fast - all / this.slow;
      magnitude = 2 * (abs + maxAbs);
      error = ROUNDING * magnitude;
    } else {
      this.fastEma.describe(scratch, maxAbs);
      ({ slope, intercept, error } = scratch);
      this.slowEma.describe(scratch, maxAbs);
      slope -= scratch.slope;
      intercept -= scratch.intercept;
      magnitude = Math.abs(this.fastEma.value) + Math.abs(this.slowEma.value) + 2 * maxAbs;
      error += scratch.error + ROUNDING * magnitude;
    }
    if (line === 'macd') return into.affine(slope, intercept, error);
    this.signalEma.describe(scratch, magnitude);
    if (scratch.kind === Shape.none) return into.set(Shape.none);
    // The signal's weight on the MACD line: its rounding adds to the line's, scaled by that weight (≤ 1).
    const weight = scratch.slope;
    const signalIntercept = weight * intercept + scratch.intercept;
    const signalError = scratch.error + weight * error;
    if (line === 'signal') return into.affine(slope * weight, signalIntercept, signalError);
    into.affine(slope * (1 - weight), intercept - signalIntercept, error + signalError + ROUNDING * 2 * magnitude);
  }
}

/** Values update(x) would give, leaving the state as it is. */
export interface MacdValues {
  macd: number;
  signal: number;
  histogram: number;
}

/** average([...xs, x], from), in the same order, without the array. */
function averageWith(xs: number[], x: number, from: number): number {
  let sum = 0;
  for (let i = from; i < xs.length; i++) sum += xs[i] as number;
  return (sum + x) / (xs.length + 1 - from);
}

function average(xs: number[], from: number): number {
  let sum = 0;
  for (let i = from; i < xs.length; i++) sum += xs[i] as number;
  return sum / (xs.length - from);
}
