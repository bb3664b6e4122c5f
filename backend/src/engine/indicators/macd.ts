import { FormingShape, ROUNDING, Shape } from './forming-shape';
import { EMA_SIZE, emaDescribe, emaInit, emaPeek, emaSeed, emaUpdate, emaValue } from './moving-averages';

/*
 * MACD line (fast EMA − slow EMA), its signal line (EMA of the MACD line) and the histogram
 * (MACD − signal). As in TA-Lib both EMAs start on the same value: the slow one seeded by the
 * average of its first `slow` prices, the fast one by the average of the last `fast` of those.
 * Lines are NaN until defined: the MACD line from the `slow`-th price, signal and histogram
 * `signal − 1` prices later. Its state is a run of numbers at an offset of a Float64Array (see
 * window.ts), the first `slow` prices last; Macd wraps a block of its own.
 */

const FAST = 0;
const SLOW = 1;
/** The lines, in MacdLine order. */
const LINES = 2;
/** How many of the first prices are kept (−1 once both EMAs are seeded). */
const WARMING = 5;
const FAST_EMA = 6;
const SLOW_EMA = FAST_EMA + EMA_SIZE;
const SIGNAL_EMA = SLOW_EMA + EMA_SIZE;
const WARMUP = SIGNAL_EMA + EMA_SIZE;

export const MacdLine = { macd: 0, signal: 1, histogram: 2 } as const;
export type MacdLineCode = (typeof MacdLine)[keyof typeof MacdLine];

const scratch = new FormingShape();

export function macdSize(slow: number): number {
  return WARMUP + slow;
}

export function macdInit(m: Float64Array, o: number, fast: number, slow: number, signal: number): void {
  if (!(fast < slow)) throw new RangeError(`the fast period (${fast}) must be shorter than the slow one (${slow})`);
  m[o + FAST] = fast;
  m[o + SLOW] = slow;
  m.fill(NaN, o + LINES, o + LINES + 3);
  m[o + WARMING] = 0;
  emaInit(m, o + FAST_EMA, fast);
  emaInit(m, o + SLOW_EMA, slow);
  emaInit(m, o + SIGNAL_EMA, signal);
}

export function macdValue(m: Float64Array, o: number, line: MacdLineCode): number {
  return m[o + LINES + line] as number;
}

export function macdUpdate(m: Float64Array, o: number, x: number): void {
  const warming = m[o + WARMING] as number;
  const slow = m[o + SLOW] as number;
  if (warming >= 0) {
    m[o + WARMUP + warming] = x;
    m[o + WARMING] = warming + 1;
    if (warming + 1 < slow) return;
    emaSeed(m, o + SLOW_EMA, average(m, o, slow, 0));
    emaSeed(m, o + FAST_EMA, average(m, o, slow, slow - (m[o + FAST] as number)));
    m[o + WARMING] = -1;
  } else {
    emaUpdate(m, o + FAST_EMA, x);
    emaUpdate(m, o + SLOW_EMA, x);
  }
  const macd = emaValue(m, o + FAST_EMA) - emaValue(m, o + SLOW_EMA);
  const signal = emaUpdate(m, o + SIGNAL_EMA, macd);
  m[o + LINES + MacdLine.macd] = macd;
  m[o + LINES + MacdLine.signal] = signal;
  m[o + LINES + MacdLine.histogram] = macd - signal;
}

/** One line of what an update by x would give, leaving the state as it is; allocates nothing. */
export function macdPeek(m: Float64Array, o: number, x: number, line: MacdLineCode): number {
  const warming = m[o + WARMING] as number;
  const slow = m[o + SLOW] as number;
  let macd: number;
  if (warming >= 0) {
    if (warming < slow - 1) return NaN;
    macd = averageWith(m, o, warming, x, slow - (m[o + FAST] as number)) - averageWith(m, o, warming, x, 0);
  } else {
    macd = emaPeek(m, o + FAST_EMA, x) - emaPeek(m, o + SLOW_EMA, x);
  }
  if (line === MacdLine.macd) return macd;
  const signal = emaPeek(m, o + SIGNAL_EMA, macd);
  return line === MacdLine.signal ? signal : macd - signal;
}

/** Each line of the peek at p is affine in p: the MACD line is a difference of two averages, the signal an average of it. */
export function macdDescribe(m: Float64Array, o: number, into: FormingShape, line: MacdLineCode, maxAbs: number): void {
  const warming = m[o + WARMING] as number;
  const fast = m[o + FAST] as number;
  const slow = m[o + SLOW] as number;
  let slope: number;
  let intercept: number;
  let error: number;
  /** A bound on |MACD line| for |p| ≤ maxAbs: the signal's bound is taken there. */
  let magnitude: number;
  if (warming >= 0) {
    if (warming < slow - 1) return into.set(Shape.none);
    let abs = 0;
    let all = 0;
    let recent = 0;
    for (let i = 0; i < warming; i++) {
      const x = m[o + WARMUP + i] as number;
      abs += Math.abs(x);
      all += x;
      if (i >= slow - fast) recent += x;
    }
    slope = 1 / fast - 1 / slow;
    intercept = recent / fast - all / slow;
    magnitude = 2 * (abs + maxAbs);
    error = ROUNDING * magnitude;
  } else {
    emaDescribe(m, o + FAST_EMA, scratch, maxAbs);
    ({ slope, intercept, error } = scratch);
    emaDescribe(m, o + SLOW_EMA, scratch, maxAbs);
    slope -= scratch.slope;
    intercept -= scratch.intercept;
    magnitude = Math.abs(emaValue(m, o + FAST_EMA)) + Math.abs(emaValue(m, o + SLOW_EMA)) + 2 * maxAbs;
    error += scratch.error + ROUNDING * magnitude;
  }
  if (line === MacdLine.macd) return into.affine(slope, intercept, error);
  emaDescribe(m, o + SIGNAL_EMA, scratch, magnitude);
  if (scratch.kind === Shape.none) return into.set(Shape.none);
  // The signal's weight on the MACD line: its rounding adds to the line's, scaled by that weight (≤ 1).
  const weight = scratch.slope;
  const signalIntercept = weight * intercept + scratch.intercept;
  const signalError = scratch.error + weight * error;
  if (line === MacdLine.signal) return into.affine(slope * weight, signalIntercept, signalError);
  into.affine(slope * (1 - weight), intercept - signalIntercept, error + signalError + ROUNDING * 2 * magnitude);
}

/** The average of the first prices kept from `from` on, with x after them, in the same order, without an array. */
function averageWith(m: Float64Array, o: number, count: number, x: number, from: number): number {
  let sum = 0;
  for (let i = from; i < count; i++) sum += m[o + WARMUP + i] as number;
  return (sum + x) / (count + 1 - from);
}

function average(m: Float64Array, o: number, count: number, from: number): number {
  let sum = 0;
  for (let i = from; i < count; i++) sum += m[o + WARMUP + i] as number;
  return sum / (count - from);
}

/** Values an update by x would give, leaving the state as it is. */
export interface MacdValues {
  macd: number;
  signal: number;
  histogram: number;
}

/** MACD in a block of its own. */
export class Macd {
  private readonly m: Float64Array;

  constructor(
    readonly fast = 12,
    readonly slow = 26,
    signal = 9,
  ) {
    this.m = new Float64Array(macdSize(Math.max(slow, 0)));
    macdInit(this.m, 0, fast, slow, signal);
  }

  get macd(): number {
    return macdValue(this.m, 0, MacdLine.macd);
  }

  get signal(): number {
    return macdValue(this.m, 0, MacdLine.signal);
  }

  get histogram(): number {
    return macdValue(this.m, 0, MacdLine.histogram);
  }

  update(x: number): void {
    macdUpdate(this.m, 0, x);
  }

  peek(x: number): MacdValues {
    return {
      macd: macdPeek(this.m, 0, x, MacdLine.macd),
      signal: macdPeek(this.m, 0, x, MacdLine.signal),
      histogram: macdPeek(this.m, 0, x, MacdLine.histogram),
    };
  }
}
