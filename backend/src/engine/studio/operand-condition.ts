import { operandLabel, type Operand, type PriceSource, type RuleCondition } from '@tradeassist/shared-types';
import { IndicatorSeries, seriesKey, VolumeSeries, type BarSeries } from './indicator-series';
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
  private readonly subjectKey: string | null;
  private readonly againstKey: string | null;
  private readonly volume: boolean;
  /** The instrument's series for the operands, bound whenever its rules change. */
  private subjectSeries: BarSeries | undefined;
  private againstSeries: BarSeries | undefined;

  constructor(
    private readonly spec: OperandSpec,
    private readonly condition: RuleCondition,
  ) {
    const key = (o: Operand | null): string | null => (o ? seriesKey(o, spec.barMs, spec.source) : null);
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

  /** The indicator values of the last reading, by label ("RSI(14)": 72.4), for a firing's explanation. */
  indicators(): Record<string, number> {
    const out: Record<string, number> = {};
    const { subject, against } = this.spec;
    if (subject) out[operandLabel(subject)] = this.subject;
    if (against) out[operandLabel(against)] = this.against;
    return out;
  }
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
