import { ROUNDING } from './forming-shape';

/*
 * The last `period` values, with their sum and sum of squared deviations kept incrementally
 * (sliding Welford: stable where a plain sum of squares cancels catastrophically, e.g. a price of
 * 6 000 moving by cents). Both are recomputed exactly once per `period` updates, so rounding
 * never accumulates: O(1) amortised per update.
 *
 * Its state is a run of numbers at an offset of a Float64Array (the w* functions), so that the
 * studio can keep every indicator of an instrument in one block of memory; SlidingWindow wraps a
 * block of its own.
 */

/** Where each number sits, from the window's offset; the values follow, `period` of them. */
const PERIOD = 0;
const NEXT = 1;
const COUNT = 2;
const SINCE_EXACT = 3;
const MEAN = 4;
const M2 = 5;
const VALUES = 6;

export function windowSize(period: number): number {
  return VALUES + period;
}

/** The period, if it is a whole number ≥ least; a RangeError naming it otherwise. */
export function checkPeriod(period: number, least: number): number {
  if (!Number.isInteger(period) || period < least) throw new RangeError(`period must be a whole number ≥ ${least}, got ${period}`);
  return period;
}

export function wInit(m: Float64Array, o: number, period: number): void {
  m.fill(0, o, o + windowSize(period));
  m[o + PERIOD] = period;
}

export function wPeriod(m: Float64Array, o: number): number {
  return m[o + PERIOD] as number;
}

export function wFull(m: Float64Array, o: number): boolean {
  return m[o + COUNT] === m[o + PERIOD];
}

export function wMean(m: Float64Array, o: number): number {
  return m[o + MEAN] as number;
}

/** Whether wPeek gives values: the window is full, or one value short. */
export function wPeekable(m: Float64Array, o: number): boolean {
  return (m[o + COUNT] as number) >= (m[o + PERIOD] as number) - 1;
}

/** The value wPeek(x) replaces: the oldest when full, the mean when one short (its formulas read the same with it). */
export function wLeaving(m: Float64Array, o: number): number {
  return m[o + COUNT] === m[o + PERIOD] ? (m[o + VALUES + (m[o + NEXT] as number)] as number) : (m[o + MEAN] as number);
}

/** The sum of squared deviations from the mean that the variance divides. */
export function wSumOfSquares(m: Float64Array, o: number): number {
  return m[o + M2] as number;
}

/** Bounds the rounding of the peeked mean (mean + (x − leaving) / period) for |x| ≤ maxAbs. */
export function wPeekedMeanError(m: Float64Array, o: number, maxAbs: number): number {
  return ROUNDING * (Math.abs(m[o + MEAN] as number) + Math.abs(wLeaving(m, o)) + maxAbs);
}

/** Population variance of the values held. */
export function wVariance(m: Float64Array, o: number): number {
  const count = m[o + COUNT] as number;
  return count > 0 ? Math.max(0, (m[o + M2] as number) / count) : 0;
}

/** Set by wPeek: the mean and population variance the window would have after a push. */
export const peeked = { mean: NaN, variance: NaN };

/** Works out `peeked` for a push of x without pushing (NaN until that fills the window); allocates nothing. */
export function wPeek(m: Float64Array, o: number, x: number): void {
  const n = m[o + PERIOD] as number;
  const count = m[o + COUNT] as number;
  const mean = m[o + MEAN] as number;
  if (count < n - 1) {
    peeked.mean = peeked.variance = NaN;
  } else if (count === n - 1) {
    const delta = x - mean;
    peeked.mean = mean + delta / n;
    peeked.variance = Math.max(0, ((m[o + M2] as number) + delta * (x - peeked.mean)) / n);
  } else {
    const old = m[o + VALUES + (m[o + NEXT] as number)] as number;
    peeked.mean = mean + (x - old) / n;
    peeked.variance = Math.max(0, ((m[o + M2] as number) + (x - old) * (x - peeked.mean + old - mean)) / n);
  }
}

export function wPush(m: Float64Array, o: number, x: number): void {
  const n = m[o + PERIOD] as number;
  const next = m[o + NEXT] as number;
  const count = m[o + COUNT] as number;
  const mean = m[o + MEAN] as number;
  m[o + NEXT] = (next + 1) % n;
  if (count < n) {
    m[o + VALUES + next] = x;
    m[o + COUNT] = count + 1;
    const delta = x - mean;
    const updated = mean + delta / (count + 1);
    m[o + MEAN] = updated;
    m[o + M2] = (m[o + M2] as number) + delta * (x - updated);
    return;
  }
  const old = m[o + VALUES + next] as number;
  m[o + VALUES + next] = x;
  const since = (m[o + SINCE_EXACT] as number) + 1;
  if (since >= n) {
    recompute(m, o, n);
    return;
  }
  m[o + SINCE_EXACT] = since;
  const updated = mean + (x - old) / n;
  m[o + M2] = (m[o + M2] as number) + (x - old) * (x - updated + old - mean);
  m[o + MEAN] = updated;
}

function recompute(m: Float64Array, o: number, n: number): void {
  m[o + SINCE_EXACT] = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += m[o + VALUES + i] as number;
  const mean = sum / n;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const d = (m[o + VALUES + i] as number) - mean;
    m2 += d * d;
  }
  m[o + MEAN] = mean;
  m[o + M2] = m2;
}

/** A window in a block of its own (volume averages, previews). */
export class SlidingWindow {
  private readonly m: Float64Array;

  constructor(readonly period: number) {
    checkPeriod(period, 1);
    this.m = new Float64Array(windowSize(period));
    wInit(this.m, 0, period);
  }

  get full(): boolean {
    return wFull(this.m, 0);
  }

  get mean(): number {
    return wMean(this.m, 0);
  }

  get variance(): number {
    return wVariance(this.m, 0);
  }

  push(x: number): void {
    wPush(this.m, 0, x);
  }
}
