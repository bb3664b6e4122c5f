import type { BarInterval } from './rule-options';
import type { CreateRuleRequest } from './rules';

export const PREVIEW_LIMITS = { defaultBars: 120, maxBars: 1000 } as const;

/** A rule body (saved or not) to draw over its instrument's recent bars. */
export interface RulePreviewRequest {
  rule: CreateRuleRequest;
  /** How many of the latest bars of the rule's bar_interval (default 120). */
  bars?: number;
}

export interface PreviewBar {
  start: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** A line to draw over the bars, one value per bar (null where it is not defined yet). */
export interface PreviewLine {
  label: string;
  /** price: on the price scale (levels, averages, bands); indicator: its own scale (RSI, MACD); volume: the volume scale. */
  axis: 'price' | 'indicator' | 'volume';
  values: (number | null)[];
}

export interface RulePreview {
  interval: BarInterval;
  bars: PreviewBar[];
  lines: PreviewLine[];
}
