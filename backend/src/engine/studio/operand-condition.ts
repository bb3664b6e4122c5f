import { operandLabel, type Operand, type PriceSource, type RuleCondition } from '@tradeassist/shared-types';
import { Shape, type FormingShape } from '../indicators/forming-shape';
import { operandDescribe, operandPeek } from '../indicators/operand-calculator';
import { IndicatorSeries, Se, seriesKey, VolumeSeries, type BarSeries, type SeriesBlock } from './indicator-series';
import type { StudioInstrument } from './studio-instrument';

/** What a condition compares and how, wherever it sits (a rule, or a leaf of a tree). */
export interface OperandSpec {
  subject: Operand | null;
  against: Operand | null;
  threshold: number;
  barMs: number;
  source: PriceSource;
}

/**
 * A condition on operands (an indicator in place of the price, or of the threshold), with what
 * it needs kept: the series keys and labels worked out once, and the previous reading that
 * crossings compare with. Reading allocates nothing; the labelled values are built only for a firing.
 */
export class OperandComparison {
  /** The last reading: what was compared, and with what. */
  subject = NaN;
  against = NaN;
  /** The spec's, kept here: the level path reads it on ticks and bar closes, when the spec is cold. */
  private readonly threshold: number;
  /** The operands' labels, worked out once: a rule that holds may fire on every tick. */
  private readonly subjectLabel: string | null;
  private readonly againstLabel: string | null;
  private readonly subjectKey: string | null;
  private readonly againstKey: string | null;
  private readonly volume: boolean;
  /** The instrument's series for the operands, bound whenever its rules change. */
  private subjectSeries: BarSeries | undefined;
  private againstSeries: BarSeries | undefined;
  /** Where their indicators' state is (−1: not an indicator): the level path's readings go straight there, past the series' objects. */
  protected subjectBlock: SeriesBlock | null = null;
  protected subjectAt = -1;
  protected againstBlock: SeriesBlock | null = null;
  protected againstAt = -1;

  constructor(
    private readonly spec: OperandSpec,
    private readonly condition: RuleCondition,
  ) {
    const key = (o: Operand | null): string | null => (o ? seriesKey(o, spec.barMs, spec.source) : null);
    this.threshold = spec.threshold;
    this.subjectLabel = spec.subject ? operandLabel(spec.subject) : null;
    this.againstLabel = spec.against ? operandLabel(spec.against) : null;
    this.subjectKey = key(spec.subject);
    this.againstKey = key(spec.against);
    this.volume = spec.against?.kind === 'avg_volume';
  }

  /**
   * Reads the operands at a bar close (the closed bar) or intrabar (the forming bar at its latest
   * price) and says whether the condition holds; crossings compare with the previous reading.
   */
  bind(s: StudioInstrument): void {
    this.subjectSeries = this.subjectKey === null ? undefined : s.series.get(this.subjectKey);
    this.againstSeries = this.againstKey === null ? undefined : s.series.get(this.againstKey);
    const subject = this.subjectSeries;
    const against = this.againstSeries;
    this.subjectBlock = subject instanceof IndicatorSeries ? subject.home : null;
    this.subjectAt = subject instanceof IndicatorSeries ? subject.offset + Se.body : -1;
    this.againstBlock = against instanceof IndicatorSeries ? against.home : null;
    this.againstAt = against instanceof IndicatorSeries ? against.offset + Se.body : -1;
  }

  evaluate(price: number, atClose: boolean): boolean {
    const beforeSubject = this.subject;
    const beforeAgainst = this.against;
    if (this.volume) {
      const series = this.againstSeries;
      if (series instanceof VolumeSeries) {
        this.subject = atClose ? series.closedVolume() : series.formingVolume();
        this.against = atClose ? series.averageBefore() : series.average();
      } else {
        this.subject = this.against = NaN;
      }
    } else {
      this.subject = this.subjectKey === null ? price : valueOf(this.subjectSeries, atClose);
      this.against = this.againstKey === null ? this.spec.threshold : valueOf(this.againstSeries, atClose);
    }
    return holds(this.condition, this.subject, this.against, beforeSubject, beforeAgainst);
  }

  /**
   * The intrabar reading at a price the tick brought, without the series' forming close: what
   * evaluate(price, false) reads, as the series' forming close is that price then (the level path).
   */
  readAt(price: number): void {
    this.subject = this.subjectKey === null ? price : peekAt(this.subjectBlock, this.subjectAt, price);
    this.against = this.againstKey === null ? this.threshold : peekAt(this.againstBlock, this.againstAt, price);
  }

  /** How one side of readAt moves with the price (the price itself, the constant threshold, or an indicator). */
  describe(side: 'subject' | 'against', into: FormingShape, maxAbs: number): void {
    const key = side === 'subject' ? this.subjectKey : this.againstKey;
    const block = side === 'subject' ? this.subjectBlock : this.againstBlock;
    const at = side === 'subject' ? this.subjectAt : this.againstAt;
    if (key === null) {
      if (side === 'subject') into.set(Shape.price);
      else into.affine(0, this.threshold, 0);
    } else if (block && at >= 0) operandDescribe(block.m, at, into, maxAbs);
    else into.set(Shape.none);
  }

  /** The indicator values of the last reading, by label ("RSI(14)": 72.4), for a firing's explanation. */
  indicators(): Record<string, number> {
    const out: Record<string, number> = {};
    if (this.subjectLabel !== null) out[this.subjectLabel] = this.subject;
    if (this.againstLabel !== null) out[this.againstLabel] = this.against;
    return out;
  }
}

function peekAt(block: SeriesBlock | null, at: number, price: number): number {
  return block && at >= 0 ? operandPeek(block.m, at, price) : NaN;
}

function valueOf(series: BarSeries | undefined, atClose: boolean): number {
  return series instanceof IndicatorSeries ? (atClose ? series.closed() : series.current()) : NaN;
}

/** The condition on two moving values; a crossing needs the previous pair (NaN: none yet, so no crossing). */
function holds(condition: RuleCondition, x: number, y: number, px: number, py: number): boolean {
  if (x !== x || y !== y) return false;
  switch (condition) {
    case 'above':
      return x > y;
    case 'below':
      return x < y;
    case 'volume_above':
      return x >= y;
    case 'crosses_above':
      return px <= py && x > y;
    case 'crosses_below':
      return px >= py && x < y;
    default:
      return false;
  }
}
