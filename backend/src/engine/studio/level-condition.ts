import type { RuleCondition } from '@tradeassist/shared-types';
import type { SeriesBlock } from './indicator-series';
import { OperandComparison, type OperandSpec } from './operand-condition';
import { Side, solveRow, type PriceRegions, type SideKind } from './price-levels';
import type { StudioInstrument } from './studio-instrument';
import type { StudioRule } from './studio-rule';

const bit = (side: SideKind): number => 1 << side;

/**
 * Where a level condition's numbers sit in its row of the gate's table (see LevelGate): what the
 * gate reads on every tick it does not pass, so that a reading inside the regions touches no object.
 */
export const Lv = {
  barMs: 0,
  lowFrom: 1,
  lowTo: 2,
  lowSide: 3,
  highFrom: 4,
  highTo: 5,
  highSide: 6,
  /** Until when its rule is quiet (see StudioRule.quietUntil), as of its last decide(). */
  quietEnd: 7,
  /** Sides (bits) on which it holds (a crossing: once primed). */
  fires: 8,
  /** Crossings: sides a reading must be on for the next one to cross (≤ for crosses_above, ≥ for crosses_below); 0 for the others. */
  primes: 9,
  /** A crossing's last reading was on a priming side (1) or not (0). */
  primed: 10,
  /** 1 while its rule waits to re-arm: every reading must then reach decide(). */
  waits: 11,
  /**
   * What the sides read, as of the last bind (see RowSides): the offset of the indicator's state in
   * the instrument's series block, or AT_PRICE (the subject is the price), AT_THRESHOLD (the
   * threshold is compared with), AT_NONE (no indicator: NaN).
   */
  subjectAt: 12,
  againstAt: 13,
  threshold: 14,
} as const;
export const LEVEL_ROW = 15;
export const AT_PRICE = -1;
export const AT_THRESHOLD = -2;
export const AT_NONE = -3;

/**
 * An indicator comparison read on ticks (not on bar closes), the level path. Between two bar
 * closes each side is a fixed function of the price, so once per bar the comparison is solved to
 * price regions where its side is certain: a tick there costs two comparisons, and the indicators
 * are read only at other prices and for a firing. A crossing keeps whether its previous reading
 * was on the starting side, which is all that OperandComparison.evaluate's previous pair decides.
 * Its regions and reading state live in a row of its instrument's gate table (see Lv), moved there
 * when the gate takes it.
 */
export class LevelCondition extends OperandComparison {
  readonly crossing: boolean;
  /** Its row: its own until a gate takes it (moveTo). */
  private t: Float64Array;
  private at = 0;
  /** The block its indicators are in, as of the last bind. */
  private home: SeriesBlock | null = null;

  /** The length of the bars its indicators read: their closes are what change its regions. */
  readonly barMs: number;

  /** rule: the rule it decides for (the gate asks it whether it is quiet); rearms: whether it may wait to re-arm. */
  constructor(
    spec: OperandSpec,
    condition: RuleCondition,
    readonly rule: StudioRule,
    readonly rearms: boolean,
  ) {
    super(spec, condition);
    this.barMs = spec.barMs;
    this.crossing = condition === 'crosses_above' || condition === 'crosses_below';
    const t = (this.t = new Float64Array(LEVEL_ROW));
    t[Lv.barMs] = spec.barMs;
    t[Lv.lowFrom] = t[Lv.highFrom] = Infinity;
    t[Lv.lowTo] = t[Lv.highTo] = -Infinity;
    t[Lv.lowSide] = t[Lv.highSide] = Side.unknown;
    t[Lv.quietEnd] = -Infinity;
    t[Lv.subjectAt] = spec.subject ? AT_NONE : AT_PRICE;
    t[Lv.againstAt] = spec.against ? AT_NONE : AT_THRESHOLD;
    t[Lv.threshold] = spec.threshold;
    t[Lv.fires] = bit(condition === 'above' || condition === 'crosses_above' ? Side.above : Side.below);
    t[Lv.primes] =
      condition === 'crosses_above'
        ? bit(Side.below) | bit(Side.level)
        : condition === 'crosses_below'
          ? bit(Side.above) | bit(Side.level)
          : 0;
  }

  /** The conditions it can run (OperandComparison holds for nothing else but volume, which bars decide). */
  static handles(condition: RuleCondition): boolean {
    return condition === 'above' || condition === 'below' || condition === 'crosses_above' || condition === 'crosses_below';
  }

  /** Moves its row to t at `at` (a gate's table), state and all. */
  moveTo(t: Float64Array, at: number): void {
    t.set(this.t.subarray(this.at, this.at + LEVEL_ROW), at);
    this.t = t;
    this.at = at;
  }

  /** Whether its rule waits to re-arm (as of its last decide(), or a restore): every reading must then reach decide(). */
  get waits(): boolean {
    return this.t[this.at + Lv.waits] === 1;
  }

  /** Binds the comparison, and notes in its row where its indicators' state is, so that solving reads the row and the block alone. */
  override bind(s: StudioInstrument): void {
    super.bind(s);
    const t = this.t;
    const at = this.at;
    this.home = s.block;
    if (t[at + Lv.subjectAt] !== AT_PRICE)
      t[at + Lv.subjectAt] = this.subjectBlock === s.block && this.subjectAt >= 0 ? this.subjectAt : AT_NONE;
    if (t[at + Lv.againstAt] !== AT_THRESHOLD)
      t[at + Lv.againstAt] = this.againstBlock === s.block && this.againstAt >= 0 ? this.againstAt : AT_NONE;
  }

  /** Whether its rule is quiet at ts as of its last decide(): decide() would refuse a firing then, at no cost to its state. */
  quietAt(ts: number): boolean {
    return ts < (this.t[this.at + Lv.quietEnd] as number);
  }

  /** New regions after a bar closed (or the rules changed), around the price of the moment. */
  solve(price: number): void {
    solveRow(this.home?.m ?? EMPTY, this.t, this.at, price);
  }

  /** Its regions as last solved. */
  regions(): PriceRegions {
    const t = this.t;
    const at = this.at;
    return {
      lowFrom: t[at + Lv.lowFrom] as number,
      lowTo: t[at + Lv.lowTo] as number,
      lowSide: t[at + Lv.lowSide] as SideKind,
      highFrom: t[at + Lv.highFrom] as number,
      highTo: t[at + Lv.highTo] as number,
      highSide: t[at + Lv.highSide] as SideKind,
    };
  }

  sideAt(price: number): SideKind {
    return sideIn(this.t, this.at, price) ?? this.sideRead(price);
  }

  /** The side read from the indicators at this price (outside the regions). */
  sideRead(price: number): SideKind {
    this.readAt(price);
    const x = this.subject;
    const y = this.against;
    return x > y ? Side.above : x < y ? Side.below : x === y ? Side.level : Side.unknown;
  }

  /** Takes a reading on that side: whether the condition holds; a crossing's state moves on. */
  step(side: SideKind): boolean {
    return stepRow(this.t, this.at, side);
  }

  /** After its rule's decide() at ts (which may fire, re-arm or spend it): what the gate reads of the rule. */
  decided(ts: number): void {
    this.t[this.at + Lv.quietEnd] = this.rule.quietUntil(ts);
    this.noteWaiting();
  }

  /** After its rule's decide(), or a restored hysteresis: whether the rule now waits to re-arm. */
  noteWaiting(): void {
    this.t[this.at + Lv.waits] = this.rearms && this.rule.waiting ? 1 : 0;
  }
}

const EMPTY = new Float64Array(0);

/** The side the regions of the condition in row `at` of t give at this price; undefined outside them. */
export function sideIn(t: Float64Array, at: number, price: number): SideKind | undefined {
  if (price >= (t[at + Lv.lowFrom] as number) && price <= (t[at + Lv.lowTo] as number)) return t[at + Lv.lowSide] as SideKind;
  if (price >= (t[at + Lv.highFrom] as number) && price <= (t[at + Lv.highTo] as number)) return t[at + Lv.highSide] as SideKind;
  return undefined;
}

/** A reading on that side of the condition in row `at` of t: whether it holds; a crossing's priming moves on. */
export function stepRow(t: Float64Array, at: number, side: SideKind): boolean {
  const b = bit(side);
  const primes = t[at + Lv.primes] as number;
  if (primes === 0) return ((t[at + Lv.fires] as number) & b) !== 0;
  const holds = ((t[at + Lv.fires] as number) & b) !== 0 && t[at + Lv.primed] === 1;
  t[at + Lv.primed] = (primes & b) !== 0 ? 1 : 0;
  return holds;
}
