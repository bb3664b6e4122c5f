import type { CreateRuleRequest } from './rules';

export const BACKTEST_LIMITS = { maxDays: 366, maxFiringsListed: 10_000, maxRunning: 4, pricePoints: 600 } as const;

/** A rule body (saved or not) and the tick-time range to run it over. */
export interface BacktestRequest {
  rule: CreateRuleRequest;
  from: string;
  to: string;
}

export const BACKTEST_STATUSES = ['running', 'done', 'cancelled', 'failed'] as const;
export type BacktestStatus = (typeof BACKTEST_STATUSES)[number];

export interface BacktestFiring {
  timestamp: string;
  trigger_value: number;
  threshold_value: number;
  /** The price the condition read (or the bar's close). */
  price: number;
  evaluated_on: 'tick' | 'bar_close';
  indicators: Record<string, number> | null;
  /** The alert's text, as the live alert would say it (the rule's message template, or the default sentence). */
  message: string;
}

/** The last tick of one step of the range: the price path the firings are drawn on. */
export interface BacktestPricePoint {
  timestamp: string;
  price: number;
}

export interface BacktestResult {
  total_firings: number;
  /** Firings by UTC day (YYYY-MM-DD), days without any left out. */
  per_day: Record<string, number>;
  /** In time order; at most BACKTEST_LIMITS.maxFiringsListed (see truncated). */
  firings: BacktestFiring[];
  truncated: boolean;
  /**
   * The price over the ticks evaluated: the range cut into at most BACKTEST_LIMITS.pricePoints
   * equal steps (a second at least), the last tick of each step that had one.
   */
  price_path: BacktestPricePoint[];
}

export interface BacktestJob {
  id: string;
  status: BacktestStatus;
  /** 0..1: ticks evaluated / ticks in range. */
  progress: number;
  ticks_total: number;
  ticks_done: number;
  from: string;
  to: string;
  started_at: string;
  finished_at: string | null;
  error: string | null;
  /** When done (or cancelled: what was found until then). */
  result: BacktestResult | null;
}
