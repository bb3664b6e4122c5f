import type { RuleCondition } from '@tradeassist/shared-types';
import { OperandComparison, type OperandSpec } from './operand-condition';
import { Side, solveRegions, type PriceRegions, type SideKind } from './price-levels';
import type { StudioRule } from './studio-rule';

const bit = (side: SideKind): number => 1 << side;

/**
 * An indicator comparison read on ticks (not on bar closes), the level path. Between two bar
 * closes each side is a fixed function of the price, so once per bar the comparison is solved to
 * price regions where its side is certain: a tick there costs two comparisons, and the indicators
 * are read only at other prices and for a firing. A crossing keeps whether its previous reading
 * was on the starting side, which is all that OperandComparison.evaluate's previous pair decides.
 */
export class LevelCondition extends OperandComparison implements PriceRegions {
  lowFrom = Infinity;
  lowTo = -Infinity;
  lowSide: SideKind = Side.unknown;
  highFrom = Infinity;
  highTo = -Infinity;
  highSide: SideKind = Side.unknown;
  readonly crossing: boolean;
  /** Sides on which it holds (a crossing: once primed). */
  private readonly fires: number;
  /** Crossings: sides a reading must be on for the next one to cross (≤ for crosses_above, ≥ for crosses_below). */
  private readonly primes: number;
  private primed = false;
  /** Until when its rule is quiet (see StudioRule.quietUntil), as of its last decide(): the gate reads it here, not from the rule. */
  quietEnd = -Infinity;

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
    this.fires = bit(condition === 'above' || condition === 'crosses_above' ? Side.above : Side.below);
    this.primes =
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

  /** New regions after a bar closed (or the rules changed), around the price of the moment. */
  solve(price: number): void {
    solveRegions(this, price, this);
  }

  sideAt(price: number): SideKind {
    if (price >= this.lowFrom && price <= this.lowTo) return this.lowSide;
    if (price >= this.highFrom && price <= this.highTo) return this.highSide;
    this.readAt(price);
    const x = this.subject;
    const y = this.against;
    return x > y ? Side.above : x < y ? Side.below : x === y ? Side.level : Side.unknown;
  }

  /** Takes a reading on that side: whether the condition holds; a crossing's state moves on. */
  step(side: SideKind): boolean {
    const b = bit(side);
    const holds = (this.fires & b) !== 0 && (!this.crossing || this.primed);
    if (this.crossing) this.primed = (this.primes & b) !== 0;
    return holds;
  }

  /** After its rule's decide() at ts (which may fire, re-arm or spend it). */
  decided(ts: number): void {
    this.quietEnd = this.rule.quietUntil(ts);
  }

  /** Whether a reading on that side could fire: a level condition that holds there (a crossing there moves nothing, once read). */
  holdsOn(side: SideKind): boolean {
    return !this.crossing && (this.fires & bit(side)) !== 0;
  }
}
