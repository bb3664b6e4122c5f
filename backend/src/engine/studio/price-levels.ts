import { FormingShape, ROUNDING, Shape } from '../indicators/forming-shape';
import { operandDescribe, operandPeek } from '../indicators/operand-calculator';
import { AT_PRICE, AT_THRESHOLD, Lv } from './level-condition';

/** Where the subject stands against what it is compared with: above, below, level with it, or unknown (a NaN). */
export const Side = { unknown: 0, above: 1, below: 2, level: 3 } as const;
export type SideKind = (typeof Side)[keyof typeof Side];

/** A comparison read at any price of the forming bar (OperandComparison). */
export interface PricedSides {
  readonly subject: number;
  readonly against: number;
  readAt(price: number): void;
  describe(side: 'subject' | 'against', into: FormingShape, maxAbs: number): void;
}

/**
 * Two ranges of prices (bounds included; empty when from > to) over which the side is known
 * without reading the indicators: every price in low reads lowSide, every price in high highSide.
 */
export interface PriceRegions {
  lowFrom: number;
  lowTo: number;
  lowSide: SideKind;
  highFrom: number;
  highTo: number;
  highSide: SideKind;
}

/** How far from the price at a bar's start the regions reach: beyond, a bar's moves are rare and read exactly. */
const REACH = 0.25;
/** Prices whose magnitude the bounds are worked out for (far from underflow and from 2^53). */
const SMALLEST = 1e-100;
const LARGEST = 2 ** 50;

const subjectShape = new FormingShape();
const againstShape = new FormingShape();

/**
 * Solves a comparison to price regions for the forming bar, near `price`. When the difference of
 * the sides moves one way with the price (in exact arithmetic), a point where the computed sides
 * differ by more than twice their rounding bound, the right way, proves the whole range beyond it:
 * the exact difference there already exceeds the bound and only grows. The root is only where the
 * search starts, so its accuracy never matters; prices between the two regions are read exactly.
 */
function solveRegions(c: PricedSides, price: number, r: PriceRegions): void {
  r.lowFrom = r.highFrom = Infinity;
  r.lowTo = r.highTo = -Infinity;
  const reach = Math.abs(price) * REACH;
  const maxAbs = Math.abs(price) + reach;
  c.describe('subject', subjectShape, maxAbs);
  c.describe('against', againstShape, maxAbs);
  if (subjectShape.kind === Shape.none || againstShape.kind === Shape.none) {
    // NaN at every price: the condition never holds and a crossing forgets its previous side.
    r.lowFrom = -Infinity;
    r.lowTo = Infinity;
    r.lowSide = Side.unknown;
    return;
  }
  const error = subjectShape.error + againstShape.error;
  const dir = direction(subjectShape, againstShape);
  if (dir === 0 || !(error < Infinity) || !(Math.abs(price) >= SMALLEST && Math.abs(price) <= LARGEST)) return;
  const from = price - reach;
  const to = price + reach;
  estimate(c, price, from, to);
  const up = certify(c, dir, error, 1, to);
  const down = certify(c, dir, error, -1, from);
  if (up === up) {
    r.highFrom = up;
    r.highTo = to;
    r.highSide = dir > 0 ? Side.above : Side.below;
  }
  if (down === down) {
    r.lowFrom = from;
    r.lowTo = down;
    r.lowSide = dir > 0 ? Side.below : Side.above;
  }
}

/** +1 when subject − against never falls as the price rises, −1 when it never rises, 0 when neither is known. */
function direction(x: FormingShape, y: FormingShape): number {
  if (x.linear && y.linear) {
    const d = x.slope - y.slope;
    const tolerance = 1e-9 * (Math.abs(x.slope) + Math.abs(y.slope));
    return d > tolerance ? 1 : d < -tolerance ? -1 : 0;
  }
  if (x.rises && y.falls) return 1;
  if (x.falls && y.rises) return -1;
  if (x.kind === Shape.price && y.kind === Shape.trailing) return 1;
  if (x.kind === Shape.trailing && y.kind === Shape.price) return -1;
  return 0;
}

function differenceAt(c: PricedSides, price: number): number {
  c.readAt(price);
  return c.subject - c.against;
}

/** Where the sides meet, roughly, and how fast their difference moves there (NaN: unknown): the search's start. */
const guess = { root: NaN, slope: NaN };

/**
 * From the shapes when they say it (two affine sides, or a rising one with an inverse against a
 * constant), else by secant steps; kept inside [from, to], the price itself if the readings fail.
 */
function estimate(c: PricedSides, price: number, from: number, to: number): void {
  const x = subjectShape;
  const y = againstShape;
  guess.slope = x.linear && y.linear ? x.slope - y.slope : NaN;
  let root = x.linear && y.linear ? (y.intercept - x.intercept) / guess.slope : NaN;
  if (x.inverse && y.linear && y.slope === 0) root = x.priceFor(y.intercept);
  else if (y.inverse && x.linear && x.slope === 0) root = y.priceFor(x.intercept);
  else if (x.kind === Shape.price && y.kind === Shape.trailing) {
    root = y.meets;
    guess.slope = y.slope;
  } else if (y.kind === Shape.price && x.kind === Shape.trailing) {
    root = x.meets;
    guess.slope = -x.slope;
  }
  if (root !== root) root = secant(c, price, from, to);
  guess.root = root < from ? from : root > to ? to : root;
}

function secant(c: PricedSides, price: number, from: number, to: number): number {
  let a = price;
  let fa = differenceAt(c, a);
  if (fa !== fa) return price;
  let b = price + (to - price) / 1024;
  let fb = differenceAt(c, b);
  for (let i = 0; i < 16 && fb === fb && fb !== 0 && fb !== fa; i++) {
    guess.slope = (fb - fa) / (b - a);
    let next = b - fb / guess.slope;
    if (!(next >= from)) next = from;
    else if (next > to) next = to;
    if (Math.abs(next - b) <= Math.abs(b) * 2 ** -45) return next;
    a = b;
    fa = fb;
    b = next;
    fb = differenceAt(c, b);
  }
  return fb === fb ? b : price;
}

/**
 * The nearest point from the guessed root towards `limit` (±1 says which way) where the side is
 * proven for every price on to the limit; NaN if none is found before it. The first step is where
 * the guessed slope says the difference clears the bound; steps then grow eightfold.
 */
function certify(c: PricedSides, dir: number, error: number, towards: number, limit: number): number {
  const root = guess.root;
  const floor = Math.max(Math.abs(root), Math.abs(limit)) * 2 ** -40;
  const step0 = (3 * (error + ROUNDING * Math.abs(root))) / Math.abs(guess.slope);
  let step = step0 > floor ? step0 : floor;
  for (let i = 0; i < 24; i++) {
    let p = root + towards * step;
    const last = towards > 0 ? !(p < limit) : !(p > limit);
    if (last) p = limit;
    c.readAt(p);
    const x = c.subject;
    const y = c.against;
    if (dir * towards * (x - y) > 2 * error + ROUNDING * (Math.abs(x) + Math.abs(y))) return p;
    if (last) return NaN;
    step *= 8;
  }
  return NaN;
}

/**
 * The comparison of a level condition read from its row of a gate table (t at `at`) and its
 * instrument's series block m (see Lv.subjectAt): solving after a bar close touches no object.
 */
class RowSides implements PricedSides {
  subject = NaN;
  against = NaN;
  m: Float64Array = new Float64Array(0);
  t: Float64Array = new Float64Array(0);
  at = 0;

  readAt(price: number): void {
    this.subject = this.side(this.t[this.at + Lv.subjectAt] as number, price);
    this.against = this.side(this.t[this.at + Lv.againstAt] as number, price);
  }

  private side(entry: number, price: number): number {
    if (entry >= 0) return operandPeek(this.m, entry, price);
    return entry === AT_PRICE ? price : entry === AT_THRESHOLD ? (this.t[this.at + Lv.threshold] as number) : NaN;
  }

  describe(side: 'subject' | 'against', into: FormingShape, maxAbs: number): void {
    const entry = this.t[this.at + (side === 'subject' ? Lv.subjectAt : Lv.againstAt)] as number;
    if (entry >= 0) operandDescribe(this.m, entry, into, maxAbs);
    else if (entry === AT_PRICE) into.set(Shape.price);
    else if (entry === AT_THRESHOLD) into.affine(0, this.t[this.at + Lv.threshold] as number, 0);
    else into.set(Shape.none);
  }
}

const rowSides = new RowSides();
const solved: PriceRegions = {
  lowFrom: Infinity,
  lowTo: -Infinity,
  lowSide: Side.unknown,
  highFrom: Infinity,
  highTo: -Infinity,
  highSide: Side.unknown,
};

/** Solves the level condition in row `at` of t, its indicators in m, around the price, and writes its regions into the row. */
export function solveRow(m: Float64Array, t: Float64Array, at: number, price: number): void {
  const c = rowSides;
  c.m = m;
  c.t = t;
  c.at = at;
  solveRegions(c, price, solved);
  t[at + Lv.lowFrom] = solved.lowFrom;
  t[at + Lv.lowTo] = solved.lowTo;
  t[at + Lv.lowSide] = solved.lowSide;
  t[at + Lv.highFrom] = solved.highFrom;
  t[at + Lv.highTo] = solved.highTo;
  t[at + Lv.highSide] = solved.highSide;
}
