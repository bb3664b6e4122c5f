import { barStart } from '@tradeassist/shared-types';
import { LATE, type EngineRule, type EngineTick, type Firing } from '../types';
import { advanceSeries, closesFromOf, Se } from './indicator-series';
import type { PrimingBar } from './priming';
import { RearmLog, type RearmState } from './rearm-log';
import { checkRule, readLevel } from './rule-check';
import { Quote } from './quote';
import { StudioInstrument, type Bar } from './studio-instrument';
import { Col, STRIDE, TickTable, type Fold } from './tick-table';
import { StudioRule } from './studio-rule';

/**
 * Rules with options (trigger modes, re-arm hysteresis, expiry, price source): each tick checks
 * the instrument's such rules one by one with the floor's predicates, then the options decide.
 * They are few next to plain rules, which the indexed AlertEngine keeps. Indicator comparisons
 * read on ticks take the level path (LevelCondition, LevelGate): solved to price regions once per
 * bar, they cost a tick nothing until its price leaves the gate; and a tick that nothing else
 * reads either takes the quiet path (TickTable). `levels: false` turns both off: every rule then
 * reads every tick in full, the reference the level path is tested against.
 */
export class StudioEngine {
  private readonly rules = new Map<number, StudioRule>();
  private readonly instruments = new Map<number, StudioInstrument>();
  /** The same by row of the tick table: an array slot is one load on the tick path, a map lookup several. */
  private readonly byRow: StudioInstrument[] = [];
  private readonly quote = new Quote();
  /** Rules just added to an instrument, for regroup to pick up. */
  private readonly touched: number[] = [];
  private readonly rearmLog = new RearmLog();
  private readonly table: TickTable;
  /** Whether indicator comparisons on ticks take the level path (see LevelCondition); off, every rule reads every tick in full. */
  private readonly levels: boolean;

  /**
   * fold: where to hand the quiet path of instruments whose ticks nothing but the level gate reads
   * (RuleEngine folds it into the indexed engine's fast path); their ticks that pass it then need
   * not come here, if they carry no bid or ask, provided catchUp is told the last price before
   * anything else reaches the instrument.
   */
  constructor(options: { levels?: boolean; fold?: Fold } = {}) {
    this.levels = options.levels ?? true;
    this.table = new TickTable(options.fold);
  }

  get ruleCount(): number {
    return this.rules.size;
  }

  /** Adds or replaces a rule; history: its instrument's latest stored bars of the rule's length, to prime the series it brings (see primingBars). */
  upsertRule(rule: EngineRule, history?: readonly PrimingBar[]): void {
    const previous = this.rules.get(rule.id);
    if (previous && previous.slot.instrumentId !== rule.instrumentId) this.removeRule(rule.id);
    this.rules.set(rule.id, new StudioRule(rule, previous?.slot, this.state(rule.instrumentId).timezone, this.rearmLog));
    this.touched.push(rule.id);
    this.regroup(rule.instrumentId, history && history.length > 0 ? { barMs: rule.options?.barMs ?? 0, bars: history } : undefined);
  }

  removeRule(ruleId: number): void {
    const r = this.rules.get(ruleId);
    if (!r) return;
    this.rules.delete(ruleId);
    this.regroup(r.slot.instrumentId);
  }

  /** Whether the instrument's ticks that its fold passes, without bid or ask, may skip this engine (see the constructor). */
  folds(instrumentId: number): boolean {
    return this.table.folds(instrumentId);
  }

  /** After ticks that skipped it (see folds): the last price they left, before anything else reaches the instrument. */
  catchUp(instrumentId: number, lastPrice: number): void {
    this.table.catchUp(instrumentId, lastPrice);
  }

  /** The instrument a rule held here is on, if any. */
  instrumentOf(ruleId: number): number | undefined {
    return this.rules.get(ruleId)?.slot.instrumentId;
  }

  /** Indicators kept for an instrument: one per distinct operand, bar length and source, however many rules read it. */
  indicatorCount(instrumentId: number): number {
    return this.instruments.get(instrumentId)?.series.size ?? 0;
  }

  setTimezone(instrumentId: number, timezone: string): void {
    const s = this.state(instrumentId);
    if (s.timezone === timezone) return;
    s.timezone = timezone;
    for (const id of s.ruleIds) this.rules.get(id)?.useTimezone(timezone);
  }

  restoreDisarmed(ruleId: number, firePrice: number): void {
    const r = this.rules.get(ruleId);
    if (!r) return;
    r.restoreDisarmed(firePrice);
    r.level?.noteWaiting();
    // A waiting rule must read every tick: the gate opened on it armed no longer holds.
    const s = this.instruments.get(r.slot.instrumentId);
    s?.shut();
    s?.publish();
  }

  /** Hysteresis changes since the last call, the latest per rule, for the host to persist. */
  takeRearmChanges(): RearmState[] {
    return this.rearmLog.take();
  }

  seedInstrument(instrumentId: number, lastPrice: number | null, lastTsMs: number | null): void {
    const s = this.state(instrumentId);
    if (lastPrice !== null) s.prevLast = lastPrice;
    if (lastTsMs !== null) s.lastTs = Math.max(s.lastTs, lastTsMs);
  }

  /** Appends the tick's firings (bars it closed first, then the tick's own; each by rule id); returns their count, or LATE. */
  evaluate(tick: EngineTick, out: Firing[]): number {
    const row = this.table.rowOf(tick.instrumentId);
    if (row >= 0) {
      // The quiet path (see TickTable): nothing but the previous prices can change.
      const d = this.table.data;
      const o = row * STRIDE;
      const ts = tick.tsMs;
      const p = tick.price;
      if (
        ts >= (d[o + Col.lastTs] as number) &&
        ts < (d[o + Col.quietUntil] as number) &&
        p >= (d[o + Col.quietFrom] as number) &&
        p <= (d[o + Col.quietTo] as number)
      ) {
        d[o + Col.ticks] = (d[o + Col.ticks] as number) + 1;
        this.table.rememberTick(o, tick);
        d[o + Col.lastTs] = ts;
        return 0;
      }
    }
    return this.evaluateFully(tick, out);
  }

  private evaluateFully(tick: EngineTick, out: Firing[]): number {
    const s = this.state(tick.instrumentId);
    const ts = tick.tsMs;
    if (ts < s.lastTs) return LATE;
    const first = out.length;
    const q = this.quote;
    q.setFrom(tick);
    s.count();
    // Indicators first: a tick that starts a bar commits the closed bar's close before anything reads them.
    if (ts >= s.closesFrom) this.feedLazily(s, ts, tick.volume);
    if (s.busy) this.beforeRules(s, ts, tick.volume, out);
    if (s.stale) s.solve(q.last === q.last ? q.last : s.prevLast);
    if (s.passes(q.last, ts)) {
      // No level-path rule can fire or change: only the others read the tick.
      const rules = s.otherTickRules;
      for (let i = 0; i < rules.length; i++) this.checkOnTick(s, rules[i] as StudioRule, tick.volume, ts, out);
    } else if (s.busy) {
      const rules = s.tickRules;
      for (let i = 0; i < rules.length; i++) {
        const r = rules[i] as StudioRule;
        if (r.level) readLevel(s, r.level, q.last, ts, out);
        else this.checkOnTick(s, r, tick.volume, ts, out);
      }
      s.reopen(q.last, ts);
    } else {
      s.readAll(q.last, ts, s.prevLast, out);
    }
    if (s.busy) this.afterRules(s, ts, tick.volume);
    s.remember(q);
    s.lastTs = ts;
    s.publish();
    return out.length - first;
  }

  /** Lazy series whose bar this tick may close: fed the tick, after taking back the forming close from the ticks they skipped. */
  private feedLazily(s: StudioInstrument, ts: number, volume: number): void {
    let next = Infinity;
    const m = s.block.m;
    const lazy = s.lazyAt;
    for (let i = 0; i < lazy.length; i++) {
      const at = lazy[i] as number;
      if (ts >= (m[at + Se.closesFrom] as number)) {
        s.resume(at);
        if (advanceSeries(m, at, ts, this.quote.ofCode(m[at + Se.source] as number), volume)) s.barClosed(m[at + Se.barMs] as number);
        m[at + Se.fedAt] = s.ticks;
        m[at + Se.closesFrom] = closesFromOf(m, at);
      }
      next = Math.min(next, m[at + Se.closesFrom] as number);
    }
    s.closesFrom = next;
  }

  /** What reads every tick before the rules: eager series, bars that close (and their rules), rate windows. */
  private beforeRules(s: StudioInstrument, ts: number, volume: number, out: Firing[]): void {
    const q = this.quote;
    const m = s.block.m;
    const eager = s.eagerAt;
    for (let i = 0; i < eager.length; i++) {
      const at = eager[i] as number;
      if (advanceSeries(m, at, ts, q.ofCode(m[at + Se.source] as number), volume)) s.barClosed(m[at + Se.barMs] as number);
    }
    const bars = s.barList;
    for (let i = 0; i < bars.length; i++) {
      const bar = bars[i] as Bar;
      const start = barStart(ts, bar.ms);
      // A tick in a later bar closes the one being built.
      if (!(bar.startMs === bar.startMs && start > bar.startMs)) continue;
      this.evaluateClose(s, bar, out);
      bar.prevClose.merge(bar.close);
      bar.startMs = start;
      bar.volume = 0;
    }
    const windows = s.windowList;
    for (let i = 0; i < windows.length; i++) {
      const w = windows[i] as StudioInstrument['windowList'][number];
      const p = q.of(w.source);
      if (p === p) w.window.push(ts, p);
    }
  }

  /** The bars being built take the tick. */
  private afterRules(s: StudioInstrument, ts: number, volume: number): void {
    const bars = s.barList;
    for (let i = 0; i < bars.length; i++) {
      const bar = bars[i] as Bar;
      if (bar.startMs !== bar.startMs) bar.startMs = barStart(ts, bar.ms);
      bar.close.merge(this.quote);
      bar.volume += volume;
    }
  }

  private checkOnTick(s: StudioInstrument, r: StudioRule, volume: number, ts: number, out: Firing[]): void {
    const p = this.quote.of(r.options.source);
    if (p !== p) return;
    checkRule(s, r, p, s.prevOf(r.options.source), volume, ts, false, out, undefined);
  }

  /** once_per_bar_close rules on a bar that just closed: its close against the previous close, its volume. */
  private evaluateClose(s: StudioInstrument, bar: Bar, out: Firing[]): void {
    const at = bar.startMs + bar.ms;
    for (const r of s.closeRules) {
      if (r.options.barMs !== bar.ms) continue;
      const p = bar.close.of(r.options.source);
      if (p !== p) continue;
      // The windows hold the prices up to the bar's last tick: this tick is not in them yet.
      checkRule(s, r, p, bar.prevClose.of(r.options.source), bar.volume, at, true, out, { startMs: bar.startMs, ms: bar.ms });
    }
  }

  /** Re-lists one instrument's live rules (id order) after a change to one of them: its own rules only, never all. */
  private regroup(instrumentId: number, history?: { barMs: number; bars: readonly PrimingBar[] }): void {
    const s = this.state(instrumentId);
    const ids = new Set(s.ruleIds);
    for (const id of this.touched) ids.add(id);
    this.touched.length = 0;
    const rules: StudioRule[] = [];
    for (const id of ids) {
      const r = this.rules.get(id);
      if (r && r.slot.instrumentId === instrumentId) rules.push(r);
    }
    rules.sort((a, b) => a.id - b.id);
    s.ruleIds = rules.map((r) => r.id);
    s.setRules(
      rules.filter((r) => r.live),
      this.levels,
    );
    if (history) s.prime(history.barMs, history.bars);
    s.publish();
  }

  private state(instrumentId: number): StudioInstrument {
    const row = this.table.rowOf(instrumentId);
    let s = row >= 0 ? this.byRow[row] : this.instruments.get(instrumentId);
    if (s) return s;
    this.instruments.set(instrumentId, (s = new StudioInstrument(this.table, instrumentId)));
    this.byRow[s.row] = s;
    return s;
  }
}
