import { Ema } from './moving-averages';

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
      const all = [...this.warmup, x];
      macd = average(all, this.slow - this.fast) - average(all, 0);
    } else {
      macd = this.fastEma.peek(x) - this.slowEma.peek(x);
    }
    if (line === 'macd') return macd;
    const signal = this.signalEma.peek(macd);
    return line === 'signal' ? signal : macd - signal;
  }
}

/** Values update(x) would give, leaving the state as it is. */
export interface MacdValues {
  macd: number;
  signal: number;
  histogram: number;
}

function average(xs: number[], from: number): number {
  let sum = 0;
  for (let i = from; i < xs.length; i++) sum += xs[i] as number;
  return sum / (xs.length - from);
}
