import { ROUNDING, Shape, type FormingShape } from './forming-shape';
import { checkPeriod } from './window';

/*
 * Wilder's relative strength index: average gain and loss seeded by the simple average of the
 * first `period` changes, then smoothed as avg = (avg × (period − 1) + change) / period.
 * RSI = 100 × avgGain / (avgGain + avgLoss); 0 when the price has not moved at all (TA-Lib's
 * convention). NaN until `period` changes have been seen. Its state is a run of numbers at an
 * offset of a Float64Array (see window.ts); Rsi wraps a block of its own.
 */

const PERIOD = 0;
const VALUE = 1;
const PREV = 2;
const GAIN = 3;
const LOSS = 4;
const CHANGES = 5;
export const RSI_SIZE = 6;

export function rsiInit(m: Float64Array, o: number, period: number): void {
  checkPeriod(period, 2);
  m[o + PERIOD] = period;
  m[o + VALUE] = NaN;
  m[o + PREV] = NaN;
  m[o + GAIN] = 0;
  m[o + LOSS] = 0;
  m[o + CHANGES] = 0;
}

export function rsiValue(m: Float64Array, o: number): number {
  return m[o + VALUE] as number;
}

export function rsiUpdate(m: Float64Array, o: number, x: number): number {
  const prev = m[o + PREV] as number;
  m[o + PREV] = x;
  if (prev !== prev) return m[o + VALUE] as number;
  next(m, o, x - prev);
  m[o + GAIN] = nextAverages.gain;
  m[o + LOSS] = nextAverages.loss;
  const changes = (m[o + CHANGES] as number) + 1;
  m[o + CHANGES] = changes;
  if (changes < (m[o + PERIOD] as number)) return m[o + VALUE] as number;
  const value = rsiOf(nextAverages.gain, nextAverages.loss);
  m[o + VALUE] = value;
  return value;
}

/** The value an update by x would give, leaving the state as it is. */
export function rsiPeek(m: Float64Array, o: number, x: number): number {
  const prev = m[o + PREV] as number;
  if (prev !== prev || (m[o + CHANGES] as number) + 1 < (m[o + PERIOD] as number)) return NaN;
  next(m, o, x - prev);
  return rsiOf(nextAverages.gain, nextAverages.loss);
}

/**
 * The peek at p never falls as p rises: above the last close the gain grows, below it the loss
 * shrinks. Every term is ≥ 0, so its rounding stays within a few units of the last place of 100;
 * averages so small that they would round to zero are left unknown. Its bound does not depend on
 * the price.
 */
export function rsiDescribe(m: Float64Array, o: number, into: FormingShape): void {
  const prev = m[o + PREV] as number;
  if (prev !== prev || (m[o + CHANGES] as number) + 1 < (m[o + PERIOD] as number)) into.set(Shape.none);
  else if (!(usable(m[o + GAIN] as number) && usable(m[o + LOSS] as number) && Number.isFinite(prev))) into.set(Shape.unknown);
  else into.rising(100 * ROUNDING, rsiPriceFor, m, o);
}

/** Roughly the forming price at which the peek gives this value: RSI = 100 (G + up) / (G + up + L + down) solved for the move. */
function rsiPriceFor(m: Float64Array, o: number, value: number): number {
  const n = m[o + PERIOD] as number;
  const gain = m[o + GAIN] as number;
  const loss = m[o + LOSS] as number;
  const prev = m[o + PREV] as number;
  const seeding = m[o + CHANGES] === n - 1;
  const g = seeding ? gain : gain * (n - 1);
  const l = seeding ? loss : loss * (n - 1);
  const atPrev = g + l === 0 ? 0 : (100 * g) / (g + l);
  if (!(value > 0 && value < 100)) return NaN;
  // Above the last close the gain grows until the ratio reaches the value; below it the loss does.
  return value >= atPrev ? prev + (value * l) / (100 - value) - g : prev - ((100 * g) / value - g - l);
}

/** Where next() leaves the average gain and loss after one more change (object fields: a module variable would box each number). */
const nextAverages = { gain: 0, loss: 0 };

/** Average gain and loss after one more change, into nextAverages (sums until the first `period` changes are in). */
function next(m: Float64Array, o: number, change: number): void {
  const up = change > 0 ? change : 0;
  const down = change < 0 ? -change : 0;
  const n = m[o + PERIOD] as number;
  const changes = m[o + CHANGES] as number;
  const gain = m[o + GAIN] as number;
  const loss = m[o + LOSS] as number;
  const next = nextAverages;
  if (changes < n - 1) {
    next.gain = gain + up;
    next.loss = loss + down;
  } else if (changes === n - 1) {
    next.gain = (gain + up) / n;
    next.loss = (loss + down) / n;
  } else {
    next.gain = (gain * (n - 1) + up) / n;
    next.loss = (loss * (n - 1) + down) / n;
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

/** Wilder's RSI in a block of its own. */
export class Rsi {
  private readonly m = new Float64Array(RSI_SIZE);

  constructor(readonly period: number) {
    rsiInit(this.m, 0, period);
  }

  get value(): number {
    return rsiValue(this.m, 0);
  }

  update(x: number): number {
    return rsiUpdate(this.m, 0, x);
  }

  peek(x: number): number {
    return rsiPeek(this.m, 0, x);
  }
}
