import { floorTrigger } from '../floor-predicate';
import { isRate } from '../rule-slot';
import { LATE, type EngineRule, type EngineTick, type Firing } from '../types';
import type { LeafResult } from './condition-tree';
import { holds, read } from './operand-condition';
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

  get ruleCount(): number {
    return this.rules.size;
  }

  upsertRule(rule: EngineRule): void {
    const previous = this.rules.get(rule.id);
    if (previous && previous.slot.instrumentId !== rule.instrumentId) this.removeRule(rule.id);
    this.rules.set(rule.id, new StudioRule(rule, previous?.slot));
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
    const start = out.length;
    const q = this.quote;
    q.setFrom(tick);
    // Indicators first: a tick that starts a bar commits the closed bar's close before anything reads them.
    for (const series of s.series.values()) series.advance(ts, q.of(series.source), tick.volume);
    for (const bar of s.closedBy(ts)) {
      this.evaluateClose(s, bar, out);
      bar.prevClose.merge(bar.close);
      bar.startMs = barStart(ts, bar.ms);
      bar.volume = 0;
    }
    for (const { source, window } of s.windows.values()) {
      const p = q.of(source);
      if (p === p) window.push(ts, p);
    }
    for (const r of s.rules) {
      if (r.options.mode === 'once_per_bar_close') continue;
      const p = q.of(r.options.source);
      if (p !== p) continue;
      const prev = s.prev.of(r.options.source);
      this.check(s, r, p, prev, tick.volume, ts, false, out, undefined);
    }
    for (const bar of s.bars.values()) {
      if (bar.startMs !== bar.startMs) bar.startMs = barStart(ts, bar.ms);
      bar.close.merge(q);
      bar.volume += tick.volume;
    }
    s.prev.merge(q);
    s.lastTs = ts;
    return out.length - start;
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
    if (r.hasOperands) {
      const reading = read({ ...r.options, threshold: r.slot.threshold }, s, p, atClose);
      const ok = holds(r.condition, reading, r.previousReading);
      r.previousReading = reading;
      if (r.decide(ok ? reading.subject : null, p, ts)) {
        out.push({
          ...firing(r, ts, reading.subject, p, prev, null, bar),
          thresholdValue: reading.against,
          indicators: reading.indicators,
        });
      }
      return;
    }
    const ref = isRate(r.slot.kind) ? s.reference(r.options.source, r.slot.windowMs) : null;
    const trigger = floorTrigger(r.slot.kind, r.slot.threshold, p, prev === prev ? prev : null, volume, ref);
    if (r.decide(trigger, p, ts)) out.push(firing(r, ts, trigger as number, p, prev, ref, bar));
  }

  private regroup(instrumentId: number): void {
    const rules = [...this.rules.values()].filter((r) => r.slot.instrumentId === instrumentId && r.live).sort((a, b) => a.id - b.id);
    this.state(instrumentId).setRules(rules);
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
