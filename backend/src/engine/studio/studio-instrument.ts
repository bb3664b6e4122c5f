import type { Operand, PriceSource } from '@tradeassist/shared-types';
import { PriceWindow } from '../price-window';
import type { EngineTick } from '../types';
import { CloseHistory, closeHistoryKey, IndicatorSeries, seriesKey, VolumeSeries, type BarSeries } from './indicator-series';
import type { StudioRule } from './studio-rule';

/** The four prices a rule may read, NaN when a tick lacks them (no bid/ask). */
export class Quote {
  last = NaN;
  bid = NaN;
  ask = NaN;
  mid = NaN;

  of(source: PriceSource): number {
    switch (source) {
      case 'last':
        return this.last;
      case 'bid':
        return this.bid;
      case 'ask':
        return this.ask;
      case 'mid':
        return this.mid;
    }
  }

  setFrom(tick: EngineTick): void {
    this.last = tick.price;
    this.bid = tick.bid ?? NaN;
    this.ask = tick.ask ?? NaN;
    this.mid = (this.bid + this.ask) / 2;
  }

  /** Keeps the prices of the last tick that had each (a tick without bid/ask leaves them as they were). */
  merge(q: Quote): void {
    if (q.last === q.last) this.last = q.last;
    if (q.bid === q.bid) this.bid = q.bid;
    if (q.ask === q.ask) this.ask = q.ask;
    if (q.mid === q.mid) this.mid = q.mid;
  }
}

/** A bar being built (for once_per_bar_close rules): its close per price source and its volume; the previous bar's close. */
export class Bar {
  startMs = NaN;
  volume = 0;
  readonly close = new Quote();
  readonly prevClose = new Quote();

  constructor(readonly ms: number) {}
}

/** One instrument's state for the studio engine. */
export class StudioInstrument {
  lastTs = -Infinity;
  /** Previous evaluated prices per source (crossings read them). */
  readonly prev = new Quote();
  /** Rate windows by source and length, shared by the rules that read them. */
  windows = new Map<string, { source: PriceSource; window: PriceWindow }>();
  bars = new Map<number, Bar>();
  /** Indicators by operand, bar length and source, shared by the rules that read them. */
  series = new Map<string, BarSeries>();
  /** The same, as arrays: the tick path iterates them (no iterator objects). */
  seriesList: BarSeries[] = [];
  windowList: { source: PriceSource; window: PriceWindow }[] = [];
  barList: Bar[] = [];
  /** Its live rules in id order, so firings come out ordered by rule id. */
  rules: StudioRule[] = [];
  /** Every rule of the instrument, live or not (inactive ones are kept so an edit finds them). */
  ruleIds: number[] = [];

  /** Rebuilds what the rules need (windows, bars, indicators), keeping the state of those still needed. */
  setRules(rules: StudioRule[]): void {
    this.rules = rules;
    const windows = new Map<string, { source: PriceSource; window: PriceWindow }>();
    const bars = new Map<number, Bar>();
    const series = new Map<string, BarSeries>();
    for (const r of rules) {
      const { source, barMs } = r.options;
      const needs = r.needs();
      for (const ms of needs.windowsMs) {
        const key = windowKey(source, ms);
        windows.set(key, this.windows.get(key) ?? { source, window: new PriceWindow(ms) });
      }
      for (const o of needs.operands) {
        const key = seriesKey(o, barMs, source);
        series.set(key, this.series.get(key) ?? newSeries(o, barMs, source));
      }
      for (const n of needs.closeBars) {
        const key = closeHistoryKey(n, barMs, source);
        series.set(key, this.series.get(key) ?? new CloseHistory(n, barMs, source));
      }
      if (r.options.mode === 'once_per_bar_close') bars.set(barMs, this.bars.get(barMs) ?? new Bar(barMs));
    }
    this.windows = windows;
    this.bars = bars;
    this.series = series;
    this.seriesList = [...series.values()];
    this.windowList = [...windows.values()];
    this.barList = [...bars.values()];
    for (const r of rules) r.bind(this);
  }

  seriesOf(o: Operand, barMs: number, source: PriceSource): BarSeries | undefined {
    return this.series.get(seriesKey(o, barMs, source));
  }

  closeHistoryOf(bars: number, barMs: number, source: PriceSource): CloseHistory | undefined {
    const s = this.series.get(closeHistoryKey(bars, barMs, source));
    return s instanceof CloseHistory ? s : undefined;
  }

  reference(source: PriceSource, windowMs: number): number | null {
    return this.windows.get(windowKey(source, windowMs))?.window.reference ?? null;
  }
}

export function windowKey(source: PriceSource, windowMs: number): string {
  return `${source}:${windowMs}`;
}

function newSeries(o: Operand, barMs: number, source: PriceSource): BarSeries {
  return o.kind === 'avg_volume' ? new VolumeSeries(o, barMs) : new IndicatorSeries(o, barMs, source);
}
