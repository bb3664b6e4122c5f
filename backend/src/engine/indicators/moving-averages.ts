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
} from './window';

/*
 * Simple and exponential moving averages, their state a run of numbers at an offset of a
 * Float64Array (see window.ts); the classes wrap a block of their own.
 */

/** SMA: its value (NaN until the window is full), then its window. */
const SMA_VALUE = 0;
const SMA_WINDOW = 1;

export function smaSize(period: number): number {
  return SMA_WINDOW + windowSize(period);
}

export function smaInit(m: Float64Array, o: number, period: number): void {
  checkPeriod(period, 1);
  m[o + SMA_VALUE] = NaN;
  wInit(m, o + SMA_WINDOW, period);
}

export function smaValue(m: Float64Array, o: number): number {
  return m[o + SMA_VALUE] as number;
}

export function smaUpdate(m: Float64Array, o: number, x: number): void {
  wPush(m, o + SMA_WINDOW, x);
  if (wFull(m, o + SMA_WINDOW)) m[o + SMA_VALUE] = wMean(m, o + SMA_WINDOW);
}

/** The value an update by x would give, leaving the state as it is (a bar still forming). */
export function smaPeek(m: Float64Array, o: number, x: number): number {
  wPeek(m, o + SMA_WINDOW, x);
  return peeked.mean;
}

/** The peek at p is (p − the leaving value) / period above the mean: affine in p. */
export function smaDescribe(m: Float64Array, o: number, into: FormingShape, maxAbs: number): void {
  const w = o + SMA_WINDOW;
  const period = wPeriod(m, w);
  if (wPeekable(m, w)) into.affine(1 / period, wMean(m, w) - wLeaving(m, w) / period, wPeekedMeanError(m, w, maxAbs));
  else into.set(Shape.none);
}

/** EMA, k = 2 / (period + 1), seeded by the simple average of the first `period` values (TA-Lib's convention). */
const EMA_PERIOD = 0;
const EMA_K = 1;
const EMA_VALUE = 2;
const EMA_SEED_SUM = 3;
const EMA_SEEN = 4;
export const EMA_SIZE = 5;

export function emaInit(m: Float64Array, o: number, period: number): void {
  checkPeriod(period, 1);
  m[o + EMA_PERIOD] = period;
  m[o + EMA_K] = 2 / (period + 1);
  m[o + EMA_VALUE] = NaN;
  m[o + EMA_SEED_SUM] = 0;
  m[o + EMA_SEEN] = 0;
}

export function emaValue(m: Float64Array, o: number): number {
  return m[o + EMA_VALUE] as number;
}

export function emaUpdate(m: Float64Array, o: number, x: number): number {
  const period = m[o + EMA_PERIOD] as number;
  const seen = m[o + EMA_SEEN] as number;
  if (seen < period) {
    const sum = (m[o + EMA_SEED_SUM] as number) + x;
    m[o + EMA_SEED_SUM] = sum;
    m[o + EMA_SEEN] = seen + 1;
    if (seen + 1 === period) m[o + EMA_VALUE] = sum / period;
    return m[o + EMA_VALUE] as number;
  }
  const value = m[o + EMA_VALUE] as number;
  const next = value + (x - value) * (m[o + EMA_K] as number);
  m[o + EMA_VALUE] = next;
  return next;
}

/** The value an update by x would give, leaving the state as it is. */
export function emaPeek(m: Float64Array, o: number, x: number): number {
  const period = m[o + EMA_PERIOD] as number;
  const seen = m[o + EMA_SEEN] as number;
  if (seen < period - 1) return NaN;
  if (seen === period - 1) return ((m[o + EMA_SEED_SUM] as number) + x) / period;
  const value = m[o + EMA_VALUE] as number;
  return value + (x - value) * (m[o + EMA_K] as number);
}

/** Starts the average at a given value, as if `period` values had averaged to it (MACD aligns its fast line this way). */
export function emaSeed(m: Float64Array, o: number, value: number): void {
  m[o + EMA_SEEN] = m[o + EMA_PERIOD] as number;
  m[o + EMA_VALUE] = value;
}

/** The peek at p is (seed sum + p) / period on the last seeding value, then value + (p − value) × k: affine in p. */
export function emaDescribe(m: Float64Array, o: number, into: FormingShape, maxAbs: number): void {
  const period = m[o + EMA_PERIOD] as number;
  const seen = m[o + EMA_SEEN] as number;
  const k = m[o + EMA_K] as number;
  const value = m[o + EMA_VALUE] as number;
  const seedSum = m[o + EMA_SEED_SUM] as number;
  if (seen < period - 1) into.set(Shape.none);
  else if (seen === period - 1) into.affine(1 / period, seedSum / period, ROUNDING * (Math.abs(seedSum) + maxAbs));
  else into.affine(k, value * (1 - k), ROUNDING * (Math.abs(value) + maxAbs));
}

/** Simple moving average of the last `period` values; NaN until it has them. */
export class Sma {
  private readonly m: Float64Array;

  constructor(readonly period: number) {
    checkPeriod(period, 1);
    this.m = new Float64Array(smaSize(period));
    smaInit(this.m, 0, period);
  }

  get value(): number {
    return smaValue(this.m, 0);
  }

  update(x: number): number {
    smaUpdate(this.m, 0, x);
    return this.value;
  }

  peek(x: number): number {
    return smaPeek(this.m, 0, x);
  }
}

/** Exponential moving average seeded by a simple one: NaN before `period` values. */
export class Ema {
  private readonly m = new Float64Array(EMA_SIZE);

  constructor(readonly period: number) {
    emaInit(this.m, 0, period);
  }

  get value(): number {
    return emaValue(this.m, 0);
  }

  update(x: number): number {
    return emaUpdate(this.m, 0, x);
  }

  peek(x: number): number {
    return emaPeek(this.m, 0, x);
  }
}
