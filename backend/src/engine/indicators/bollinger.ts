import { FormingShape, ROUNDING, Shape } from './forming-shape';
import {
  checkPeriod,
  peeked,
  wFull,
  wInit,
  windowSize,
  wLeaving,
  wMean,
  wPeek,
  wPeekable,
  wPeekedMeanError,
  wPeriod,
  wPush,
  wSumOfSquares,
  wVariance,
} from './window';

/*
 * Bollinger bands: the simple average of the last `period` prices ± k population standard
 * deviations (TA-Lib's BBANDS with a simple average). NaN until `period` prices have been seen.
 * Its state is a run of numbers at an offset of a Float64Array (see window.ts); Bollinger wraps a
 * block of its own.
 */

const K = 0;
/** The bands, in Band order. */
const BANDS = 1;
const WINDOW = 4;

export const Band = { upper: 0, middle: 1, lower: 2 } as const;
export type BandCode = (typeof Band)[keyof typeof Band];

export function bollingerSize(period: number): number {
  return WINDOW + windowSize(period);
}

export function bollingerInit(m: Float64Array, o: number, period: number, k: number): void {
  if (!(k > 0)) throw new RangeError(`k must be positive, got ${k}`);
  m[o + K] = k;
  m.fill(NaN, o + BANDS, o + BANDS + 3);
  wInit(m, o + WINDOW, period);
}

export function bollingerValue(m: Float64Array, o: number, band: BandCode): number {
  return m[o + BANDS + band] as number;
}

export function bollingerUpdate(m: Float64Array, o: number, x: number): void {
  const w = o + WINDOW;
  wPush(m, w, x);
  if (!wFull(m, w)) return;
  const width = (m[o + K] as number) * Math.sqrt(wVariance(m, w));
  const middle = wMean(m, w);
  m[o + BANDS + Band.middle] = middle;
  m[o + BANDS + Band.upper] = middle + width;
  m[o + BANDS + Band.lower] = middle - width;
}

/** One band of what an update by x would give, leaving the state as it is; allocates nothing. */
export function bollingerPeek(m: Float64Array, o: number, x: number, band: BandCode): number {
  wPeek(m, o + WINDOW, x);
  const mean = peeked.mean;
  if (band === Band.middle) return mean;
  const width = (m[o + K] as number) * Math.sqrt(peeked.variance);
  return band === Band.upper ? mean + width : mean - width;
}

/**
 * The middle band is affine in the forming price. Price minus an outer band rises with the price
 * while k < √(period − 1): one value of n lies at most √(n − 1) deviations from their mean, so the
 * deviation moves slower than the price. That needs the variance formula, a parabola in the price,
 * to stay ≥ 0 everywhere (its minimum is the spread of the values that stay); its rounding is
 * amplified by the square root, least when that minimum is well above zero.
 */
export function bollingerDescribe(m: Float64Array, o: number, into: FormingShape, band: BandCode, maxAbs: number): void {
  const w = o + WINDOW;
  if (!wPeekable(m, w)) return into.set(Shape.none);
  const n = wPeriod(m, w);
  const k = m[o + K] as number;
  const mean = wMean(m, w);
  const leaving = wLeaving(m, w);
  const meanError = wPeekedMeanError(m, w, maxAbs);
  if (band === Band.middle) return into.affine(1 / n, mean - leaving / n, meanError);
  const shift = leaving - mean;
  const alpha = 1 - 1 / n;
  const m2 = wSumOfSquares(m, w);
  const lowest = m2 - (shift * shift) / alpha - ROUNDING * (Math.abs(m2) + (shift * shift) / alpha);
  if (!(k < 0.999 * Math.sqrt(n - 1) && lowest >= 0)) return into.set(Shape.unknown);
  const scale = maxAbs + Math.abs(leaving) + Math.abs(mean);
  const varianceError = (ROUNDING * (Math.abs(m2) + 12 * scale * scale)) / n;
  const deviationError = Math.min(Math.sqrt(varianceError), varianceError / Math.sqrt(lowest / n)) + ROUNDING * 2 * scale;
  const error = meanError + k * deviationError + ROUNDING * (1 + k) * 2 * scale;
  into.trailing(error, alpha * (1 - k / Math.sqrt(n - 1)), meetsPrice(m, o, band === Band.upper ? 1 : -1));
}

/**
 * Roughly where the band of the forming bar equals its price: (α p − a)² = k² q(p) / n with
 * α = 1 − 1/n, a = mean − leaving / n and q the variance formula's numerator, a quadratic in p
 * (leading coefficient > 0 while k² < n − 1); the upper band takes its larger root, the lower its smaller.
 */
function meetsPrice(m: Float64Array, o: number, sign: number): number {
  const w = o + WINDOW;
  const n = wPeriod(m, w);
  const k = m[o + K] as number;
  const alpha = 1 - 1 / n;
  const leaving = wLeaving(m, w);
  const mean = wMean(m, w);
  const a0 = mean - leaving / n;
  const kk = (k * k) / n;
  const a = alpha * alpha - kk * alpha;
  const b = -2 * alpha * a0 + kk * (2 * alpha * leaving - 2 * (leaving - mean));
  const c = a0 * a0 - kk * (wSumOfSquares(m, w) + alpha * leaving * leaving - 2 * (leaving - mean) * leaving);
  const root = Math.sqrt(b * b - 4 * a * c);
  return (-b + sign * root) / (2 * a);
}

/** Bollinger bands in a block of their own. */
export class Bollinger {
  private readonly m: Float64Array;

  constructor(
    readonly period = 20,
    readonly k = 2,
  ) {
    if (!(k > 0)) throw new RangeError(`k must be positive, got ${k}`);
    checkPeriod(period, 1);
    this.m = new Float64Array(bollingerSize(period));
    bollingerInit(this.m, 0, period, k);
  }

  get upper(): number {
    return bollingerValue(this.m, 0, Band.upper);
  }

  get middle(): number {
    return bollingerValue(this.m, 0, Band.middle);
  }

  get lower(): number {
    return bollingerValue(this.m, 0, Band.lower);
  }

  update(x: number): void {
    bollingerUpdate(this.m, 0, x);
  }

  /** Bands an update by x would give, leaving the state as it is. */
  peek(x: number): { middle: number; upper: number; lower: number } {
    return {
      middle: bollingerPeek(this.m, 0, x, Band.middle),
      upper: bollingerPeek(this.m, 0, x, Band.upper),
      lower: bollingerPeek(this.m, 0, x, Band.lower),
    };
  }
}
