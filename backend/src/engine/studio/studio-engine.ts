import { floorTrigger } from '../floor-predicate';
import { isRate } from '../rule-slot';
import { LATE, type EngineRule, type EngineTick, type Firing } from '../types';
import type { LeafResult } from './condition-tree';
import type { BarSeries } from './indicator-series';
import { Quote, StudioInstrument, type Bar } from './studio-instrument';
import { barStart, StudioRule } from './studio-rule';

/**
 * Rules with options (trigger modes, re-arm hysteresis, expiry, price source): each tick checks
 * the instrument's such rules one by one with the floor's predicates, then the options decide.
 * They are few next to plain rules, which the indexed AlertEngine keeps.
 */
export class StudioEngine {
  private readonly rules = new Map<number, StudioRule>();
  private readonly instruments = new Map<number, StudioInstrument>();
  private readonly quote = new Quote();
  /** Rules just added to an instrument, for regroup to pick up. */
  private readonly touched: number[] = [];

  get ruleCount(): number {
    return this.rules.size;
  }

  upsertRule(rule: EngineRule): void {
    const previous = this.rules.get(rule.id);
    if (previous && previous.slot.instrumentId !== rule.instrumentId) this.removeRule(rule.id);
    this.rules.set(rule.id, new StudioRule(rule, previous?.slot));
    this.touched.push(rule.id);
    this.regroup(rule.instrumentId);
  }

  removeRule(ruleId: number): void {
    const r = this.rules.get(ruleId);
    if (!r) return;
    this.rules.delete(ruleId);
    this.regroup(r.slot.instrumentId);
  }

  /** Indicators kept for an instrument: one per distinct operand, bar length and source, however many rules read it. */
  indicatorCount(instrumentId: number): number {
    return this.instruments.get(instrumentId)?.series.size ?? 0;
  }

  seedInstrument(instrumentId: number, lastPrice: number | null, lastTsMs: number | null): void {
    const s = this.state(instrumentId);
    if (lastPrice !== null) s.prev.last = lastPrice;
    if (lastTsMs !== null) s.lastTs = Math.max(s.lastTs, lastTsMs);
  }

  /** Appends the tick's firings (bars it closed first, then the tick's own; each by rule id); returns their count, or LATE. */
  evaluate(tick: EngineTick, out: Firing[]): number {
    const s = this.state(tick.instrumentId);
    const ts = tick.tsMs;
    if (ts < s.lastTs) return LATE;
    const first = out.length;
    const q = this.quote;
    q.setFrom(tick);
    // Indicators first: a tick that starts a bar commits the closed bar's close before anything reads them.
    const series = s.seriesList;
    for (let i = 0; i < series.length; i++) {
      const x = series[i] as BarSeries;
      x.advance(ts, q.of(x.source), tick.volume);
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
    for (const r of s.rules) {
      if (r.options.mode === 'once_per_bar_close') continue;
      const p = q.of(r.options.source);
      if (p !== p) continue;
      const prev = s.prev.of(r.options.source);
      this.check(s, r, p, prev, tick.volume, ts, false, out, undefined);
    }
    for (let i = 0; i < bars.length; i++) {
      const bar = bars[i] as Bar;
      if (bar.startMs !== bar.startMs) bar.startMs = barStart(ts, bar.ms);
      bar.close.merge(q);
      bar.volume += tick.volume;
    }
    s.prev.merge(q);
    s.lastTs = ts;
    return out.length - first;
  }

  /** once_per_bar_close rules on a bar that just closed: its close against the previous close, its volume. */
  private evaluateClose(s: StudioInstrument, bar: Bar, out: Firing[]): void {
    const at = bar.startMs + bar.ms;
    for (const r of s.rules) {
      if (r.options.mode !== 'once_per_bar_close' || r.options.barMs !== bar.ms) continue;
      const p = bar.close.of(r.options.source);
      if (p !== p) continue;
      // The windows hold the prices up to the bar's last tick: this tick is not in them yet.
      this.check(s, r, p, bar.prevClose.of(r.options.source), bar.volume, at, true, out, { startMs: bar.startMs, ms: bar.ms });
    }
  }

  /** One rule at one moment: its condition (floor predicate, or operands), then its options; appends the firing. */
  private check(
    s: StudioInstrument,
    r: StudioRule,
    p: number,
    prev: number,
    volume: number,
    ts: number,
    atClose: boolean,
    out: Firing[],
    bar: Firing['bar'],
  ): void {
    if (r.tree) {
      const leaves: LeafResult[] = [];
      const ok = r.tree.evaluate({ s, price: p, prev, volume, atClose }, leaves);
      // The first leaf that holds stands for the tree: its value and what it was compared with.
      const lead = leaves.find((l) => l.holds);
      if (r.decide(ok && lead ? lead.value : null, p, ts) && lead) {
        out.push({ ...firing(r, ts, lead.value, p, prev, null, bar), thresholdValue: lead.against, conditions: leaves });
      }
      return;
    }
    const comparison = r.comparison;
    if (comparison) {
      const ok = comparison.evaluate(p, atClose);
      if (r.decide(ok ? comparison.subject : null, p, ts)) {
        out.push({
          ...firing(r, ts, comparison.subject, p, prev, null, bar),
          thresholdValue: comparison.against,
          indicators: comparison.indicators(),
        });
      }
      return;
    }
    const ref = isRate(r.slot.kind) ? s.reference(r.options.source, r.slot.windowMs) : null;
    const trigger = floorTrigger(r.slot.kind, r.slot.threshold, p, prev === prev ? prev : null, volume, ref);
    if (r.decide(trigger, p, ts)) out.push(firing(r, ts, trigger as number, p, prev, ref, bar));
  }

  /** Re-lists one instrument's live rules (id order) after a change to one of them: its own rules only, never all. */
  private regroup(instrumentId: number): void {
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
    s.setRules(rules.filter((r) => r.live));
  }

  private state(instrumentId: number): StudioInstrument {
    let s = this.instruments.get(instrumentId);
    if (!s) this.instruments.set(instrumentId, (s = new StudioInstrument()));
    return s;
  }
}

function firing(r: StudioRule, ts: number, trigger: number, price: number, prev: number, ref: number | null, bar: Firing['bar']): Firing {
  return {
    ruleId: r.id,
    ruleVersion: r.slot.version,
    instrumentId: r.slot.instrumentId,
    tsMs: ts,
    triggerValue: trigger,
    thresholdValue: r.slot.threshold,
    previousPrice: prev === prev ? prev : null,
    referencePrice: ref,
    evaluatedPrice: price,
    ...(bar && { bar }),
  };
}
