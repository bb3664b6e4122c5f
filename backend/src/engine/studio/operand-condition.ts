import { operandLabel, type Operand, type PriceSource, type RuleCondition } from '@tradeassist/shared-types';
import type { StudioInstrument } from './studio-instrument';
import { IndicatorSeries, VolumeSeries } from './indicator-series';

/** What a rule with operands compared at one moment: [subject, against], and the indicators by label. */
export interface Reading {
  subject: number;
  against: number;
  indicators: Record<string, number>;
}

/** What a condition compares and how, wherever it sits (a rule, or a leaf of a tree). */
export interface OperandSpec {
  subject: Operand | null;
  against: Operand | null;
  threshold: number;
  barMs: number;
  source: PriceSource;
}

/**
 * Reads a condition's operands: at a bar close (the closed bar) or intrabar (the forming bar at
 * its latest price). Without a subject the price is the subject; without `against`, the threshold.
 */
export function read(c: OperandSpec, s: StudioInstrument, price: number, atClose: boolean): Reading {
  const { subject, against, barMs, source } = c;
  const indicators: Record<string, number> = {};
  if (against?.kind === 'avg_volume') {
    const series = s.seriesOf(against, barMs, source);
    const [volume, average] = series instanceof VolumeSeries ? (atClose ? series.closed() : series.current()) : [NaN, NaN];
    indicators[operandLabel(against)] = average;
    return { subject: volume, against: average, indicators };
  }
  const value = (o: Operand): number => {
    const series = s.seriesOf(o, barMs, source);
    const v = series instanceof IndicatorSeries ? (atClose ? series.closed() : series.current()) : NaN;
    indicators[operandLabel(o)] = v;
    return v;
  };
  return {
    subject: subject === null ? price : value(subject),
    against: against === null ? c.threshold : value(against),
    indicators,
  };
}

/** The condition on two moving values; crossings need the previous reading. Returns whether it holds. */
export function holds(condition: RuleCondition, now: Reading, before: Reading | null): boolean {
  const { subject: x, against: y } = now;
  if (x !== x || y !== y) return false;
  switch (condition) {
    case 'above':
      return x > y;
    case 'below':
      return x < y;
    case 'volume_above':
      return x >= y;
    case 'crosses_above':
      return before !== null && before.subject <= before.against && x > y;
    case 'crosses_below':
      return before !== null && before.subject >= before.against && x < y;
    default:
      return false;
  }
}
