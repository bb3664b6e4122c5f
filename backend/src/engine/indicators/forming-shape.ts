/**
 * Rounding allowance of the forming-value bounds below: 2^-40 is thousands of times the rounding
 * of the dozen operations a peek makes, so a bound built on it holds with room to spare.
 */
export const ROUNDING = 2 ** -40;

/**
 * How an indicator's value for the forming bar moves with that bar's price, its closed bars fixed:
 * - none: peek is NaN at every price (too few closed bars);
 * - price: it is the price itself;
 * - affine: slope × price + a constant;
 * - rising: never falls when the price rises;
 * - trailing: price − value never falls when the price rises (a band the price outruns);
 * - unknown: none of these can be relied on.
 */
export const Shape = { none: 0, price: 1, affine: 2, rising: 3, trailing: 4, unknown: 5 } as const;
export type ShapeKind = (typeof Shape)[keyof typeof Shape];

/** Roughly at which price of the forming bar a rising value, its state at offset o of m, reaches a value (NaN: none). */
export type PriceInverse = (m: Float64Array, o: number, value: number) => number;

/**
 * What an indicator says of its forming value, so that a condition on it can be solved to price
 * levels once per bar: its shape, for affine values their slope and intercept (roughly: only
 * `error` is a bound), for rising ones maybe an inverse. `error` bounds |peek(p) − the same formula
 * in exact arithmetic on the same state| for every |p| up to the magnitude it was asked for. A
 * reusable scratch, filled in place.
 */
export class FormingShape {
  kind: ShapeKind = Shape.unknown;
  /** Affine: the slope. Trailing: a lower bound (> 0) on how fast price − value grows with the price. */
  slope = NaN;
  intercept = NaN;
  error = Infinity;
  inverse: PriceInverse | null = null;
  /** Where the inverse finds the indicator's state. */
  private inverseM: Float64Array | null = null;
  private inverseO = 0;
  /** Trailing: roughly the price at which the value equals the price. */
  meets = NaN;

  /** A shape without slope or inverse; error defaults to none for the price, to unbounded for none and unknown. */
  set(kind: ShapeKind, error = kind === Shape.price ? 0 : Infinity): void {
    this.kind = kind;
    this.slope = kind === Shape.price ? 1 : NaN;
    this.intercept = kind === Shape.price ? 0 : NaN;
    this.error = error;
    this.inverse = null;
    this.inverseM = null;
    this.meets = NaN;
  }

  affine(slope: number, intercept: number, error: number): void {
    this.set(Shape.affine, error);
    this.slope = slope;
    this.intercept = intercept;
  }

  rising(error: number, inverse: PriceInverse, m: Float64Array, o: number): void {
    this.set(Shape.rising, error);
    this.inverse = inverse;
    this.inverseM = m;
    this.inverseO = o;
  }

  /** Rising with an inverse: roughly the price at which the value is reached (NaN: no inverse, or none). */
  priceFor(value: number): number {
    return this.inverse && this.inverseM ? this.inverse(this.inverseM, this.inverseO, value) : NaN;
  }

  trailing(error: number, slope: number, meets: number): void {
    this.set(Shape.trailing, error);
    this.slope = slope;
    this.meets = meets;
  }

  /** Affine with a slope ≥ 0 (or the price, or rising): the value never falls as the price rises. */
  get rises(): boolean {
    return this.kind === Shape.price || this.kind === Shape.rising || (this.kind === Shape.affine && this.slope >= 0);
  }

  get falls(): boolean {
    return this.kind === Shape.affine && this.slope <= 0;
  }

  /** Exactly affine (the price counts, with slope 1). */
  get linear(): boolean {
    return this.kind === Shape.price || this.kind === Shape.affine;
  }
}
