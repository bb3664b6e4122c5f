import { DEFAULT_INSTRUMENT_TIMEZONE, type Operand, type PriceSource } from '@tradeassist/shared-types';
import { PriceWindow } from '../price-window';
import {
  advanceSeries,
  CloseHistory,
  closeHistoryKey,
  IndicatorSeries,
  Se,
  seriesKey,
  SOURCE_CODE,
  VolumeSeries,
  type BarSeries,
} from './indicator-series';
import { LevelGate } from './level-gate';
import type { PrimingBar } from './priming';
import { Quote } from './quote';
import { Col, priceCol, sourceCol, STRIDE, type TickTable } from './tick-table';
import type { StudioRule } from './studio-rule';

/** A bar being built (for once_per_bar_close rules): its close per price source and its volume; the previous bar's close. */
export class Bar {
  startMs = NaN;
  volume = 0;
  readonly close = new Quote();
  readonly prevClose = new Quote();

  constructor(readonly ms: number) {}
}

/**
 * One instrument's state for the studio engine. Its lateness, previous prices and tick count live
 * in its row of the engine's TickTable (the quiet path reads nothing else); it extends the level
 * path's gate so that a tick off that path finds the gate in the object it reads first.
 */
export class StudioInstrument extends LevelGate {
  /** Its row in the engine's tick table, and where it starts: lateness, previous prices and tick count live there (see TickTable). */
  readonly row: number;
  private readonly o: number;
  /** The earliest tick time at which a lazy series may close a bar. */
  closesFrom = -Infinity;
  /** Whether anything besides the level path reads every tick (eager series, bars, windows, other rules). */
  busy = false;
  /** Where its rules' custom sessions without a timezone of their own run. */
  timezone = DEFAULT_INSTRUMENT_TIMEZONE;
  /** Rate windows by source and length, shared by the rules that read them. */
  windows = new Map<number, { source: PriceSource; window: PriceWindow }>();
  bars = new Map<number, Bar>();
  /** Indicators by operand, bar length and source, shared by the rules that read them. */
  series = new Map<string, BarSeries>();
  /** Where the entries are in the block: of the series that see every tick, and of those fed lazily, only ticks that may close their bar (Se.closesFrom says when). */
  eagerAt: number[] = [];
  lazyAt: number[] = [];
  windowList: { source: PriceSource; window: PriceWindow }[] = [];
  barList: Bar[] = [];
  /** Its live rules in id order (so firings come out ordered by rule id): those read on ticks, on bar closes, and on ticks but off the level path. */
  tickRules: StudioRule[] = [];
  closeRules: StudioRule[] = [];
  otherTickRules: StudioRule[] = [];
  /** Every rule of the instrument, live or not (inactive ones are kept so an edit finds them). */
  ruleIds: number[] = [];

  constructor(
    private readonly table: TickTable,
    readonly instrumentId: number,
  ) {
    super();
    this.row = table.add(instrumentId);
    this.o = this.row * STRIDE;
  }

  get lastTs(): number {
    return this.table.data[this.o + Col.lastTs] as number;
  }

  set lastTs(ts: number) {
    this.table.data[this.o + Col.lastTs] = ts;
  }

  get ticks(): number {
    return this.table.data[this.o + Col.ticks] as number;
  }

  /** Counts a tick (before anything reads it). */
  count(): void {
    const d = this.table.data;
    d[this.o + Col.ticks] = (d[this.o + Col.ticks] as number) + 1;
  }

  /** Previous evaluated price per source (crossings read them). */
  prevOf(source: PriceSource): number {
    return this.table.data[this.o + priceCol(source)] as number;
  }

  get prevLast(): number {
    return this.table.data[this.o + Col.last] as number;
  }

  set prevLast(price: number) {
    this.table.data[this.o + Col.last] = price;
  }

  /** After a tick: the prices it had become the previous ones (a tick without bid/ask leaves them as they were). */
  remember(q: Quote): void {
    this.table.remember(this.o, q);
  }

  /**
   * Tells the tick table when the next ticks may take the quiet path: nothing else reads them, no
   * bar closes, the gate passes them; and, when nothing but the gate reads ticks, hands that path to
   * the table's fold.
   */
  publish(): void {
    const d = this.table.data;
    const o = this.o;
    const until = this.busy || this.stale ? -Infinity : Math.min(this.until, this.closesFrom);
    d[o + Col.quietUntil] = until;
    d[o + Col.quietFrom] = this.from;
    d[o + Col.quietTo] = this.to;
    this.table.fold(this.instrumentId, o, !this.busy, this.from, this.to, until);
  }

  /** Rebuilds what the rules need (windows, bars, indicators), keeping the state of those still needed; levels: whether the level path runs. */
  setRules(rules: StudioRule[], levels: boolean): void {
    this.tickRules = rules.filter((r) => r.options.mode !== 'once_per_bar_close');
    this.closeRules = rules.filter((r) => r.options.mode === 'once_per_bar_close');
    this.otherTickRules = levels ? this.tickRules.filter((r) => !r.level) : this.tickRules;
    this.reset(levels ? this.tickRules.flatMap((r) => r.level ?? []) : []);
    const windows = new Map<number, { source: PriceSource; window: PriceWindow }>();
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
    this.pack();
    this.feed(levels ? this.readOnTicks() : null);
    this.windowList = [...windows.values()];
    this.barList = [...bars.values()];
    this.busy = this.eagerAt.length + this.windowList.length + this.barList.length + this.otherTickRules.length > 0;
    for (const r of rules) r.bind(this);
  }

  /**
   * Series of bars of this length on the last price that no tick has reached yet (just created
   * for a new rule): fed the stored bars, oldest first, a tick at each bar's start carrying its close
   * and volume, so that their indicators start where they would be had they been running. The last
   * bar stays the forming one; the next tick updates it, or closes it if it is in a later bar.
   */
  prime(barMs: number, bars: readonly PrimingBar[]): void {
    const m = this.block.m;
    let primed = false;
    for (const x of this.series.values()) {
      const at = x.offset;
      const fresh = (m[at + Se.startMs] as number) !== (m[at + Se.startMs] as number);
      if (!fresh || m[at + Se.barMs] !== barMs || m[at + Se.source] !== SOURCE_CODE.last) continue;
      for (const b of bars) if (b.close === b.close) advanceSeries(m, at, b.startMs, b.close, b.volume);
      // Its forming close is the last bar's, not a price the instrument had before (see resume).
      m[at + Se.fedAt] = this.ticks;
      primed = true;
    }
    if (primed) this.barClosed(barMs);
  }

  /** Keys of the series that rules off the level path read on ticks (their forming close must be current). */
  private readOnTicks(): Set<string> {
    const keys = new Set<string>();
    for (const r of this.otherTickRules) for (const o of r.needs().operands) keys.add(seriesKey(o, r.options.barMs, r.options.source));
    return keys;
  }

  /**
   * Moves every series' entry into a new block (LevelGate.block), one after another, state and all
   * (new series bring theirs from a block of their own): the tick path works on them there, without
   * reaching the series' objects.
   */
  pack(): void {
    let size = 0;
    for (const x of this.series.values()) size += x.size;
    const m = new Float64Array(size);
    let at = 0;
    for (const x of this.series.values()) {
      x.moveTo(this.block, m, at);
      at += x.size;
    }
    this.block.m = m;
  }

  /** Splits the series into eager and lazy ones (all eager when eagerKeys is null); a series turning eager first takes back its forming close. */
  private feed(eagerKeys: Set<string> | null): void {
    this.eagerAt = [];
    this.lazyAt = [];
    const m = this.block.m;
    for (const [key, x] of this.series) {
      const at = x.offset;
      if (x instanceof VolumeSeries) {
        this.eagerAt.push(at);
        continue;
      }
      if (x.lazy) this.resume(at);
      m[at + Se.fedAt] = this.ticks;
      x.lazy = eagerKeys !== null && !eagerKeys.has(key);
      (x.lazy ? this.lazyAt : this.eagerAt).push(at);
      if (x.lazy) m[at + Se.closesFrom] = -Infinity;
    }
    this.closesFrom = -Infinity;
  }

  /** The series at `at` of the block, fed lazily and about to be fed: if ticks it skipped had its price, the latest of them is its forming close. */
  resume(at: number): void {
    const m = this.block.m;
    const col = sourceCol(m[at + Se.source] as number);
    const d = this.table.data;
    if ((d[this.o + col + 1] as number) > (m[at + Se.fedAt] as number)) m[at + Se.close] = d[this.o + col] as number;
  }

  closeHistoryOf(bars: number, barMs: number, source: PriceSource): CloseHistory | undefined {
    const s = this.series.get(closeHistoryKey(bars, barMs, source));
    return s instanceof CloseHistory ? s : undefined;
  }

  reference(source: PriceSource, windowMs: number): number | null {
    return this.windows.get(windowKey(source, windowMs))?.window.reference ?? null;
  }
}

const SOURCE_ORDER: Record<PriceSource, number> = { last: 0, bid: 1, ask: 2, mid: 3 };

/** A number, not a string: rate rules look their window up on every tick they read, and a number key allocates nothing. */
function windowKey(source: PriceSource, windowMs: number): number {
  return windowMs * 4 + SOURCE_ORDER[source];
}

function newSeries(o: Operand, barMs: number, source: PriceSource): BarSeries {
  return o.kind === 'avg_volume' ? new VolumeSeries(o, barMs) : new IndicatorSeries(o, barMs, source);
}
