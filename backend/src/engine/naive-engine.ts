import { EQUALS_TOLERANCE } from '@tradeassist/shared-types';
import { PriceWindow } from './price-window';
import { coolingDown, seedState, toSlot, type RuleSlot } from './rule-slot';
import { LATE, type EngineRule, type EngineTick, type Firing } from './types';

interface NaiveInstrument {
  lastTs: number;
  prevPrice: number | null;
  windows: Map<number, PriceWindow>;
}

/**
 * The reference implementation: every tick scans every rule of its instrument and checks the
 * contract's predicates literally. Slow on purpose; it is the oracle for tests and the bench.
 */
export class NaiveEngine {
  private readonly rules = new Map<number, RuleSlot>();
  private readonly instruments = new Map<number, NaiveInstrument>();
  /** Each instrument's rules in id order; rebuilt after any rule change. */
  private byInstrument: Map<number, RuleSlot[]> | null = null;

  get ruleCount(): number {
    return this.rules.size;
  }

  upsertRule(rule: EngineRule): void {
    this.byInstrument = null;
    const existing = this.rules.get(rule.id);
    this.rules.set(rule.id, { ...toSlot(rule, existing), armed: true });
  }

  removeRule(ruleId: number): void {
    this.byInstrument = null;
    this.rules.delete(ruleId);
  }

  seedInstrument(instrumentId: number, lastPrice: number | null, lastTsMs: number | null): void {
    seedState(this.state(instrumentId), lastPrice, lastTsMs);
  }

  evaluate(tick: EngineTick, out: Firing[]): number {
    const s = this.state(tick.instrumentId);
    const ts = tick.tsMs;
    if (ts < s.lastTs) return LATE;
    const p = tick.price;
    const prev = s.prevPrice;
    const refs = new Map<number, number>();
    const rules = this.rulesOf(tick.instrumentId);
    const windowLengths = new Set(rules.filter((r) => r.kind === 'roc_up' || r.kind === 'roc_down').map((r) => r.windowMs));
    for (const ms of s.windows.keys()) if (!windowLengths.has(ms)) s.windows.delete(ms);
    for (const ms of windowLengths) {
      let w = s.windows.get(ms);
      if (!w) s.windows.set(ms, (w = new PriceWindow(ms)));
      refs.set(ms, w.push(ts, p));
    }
    const start = out.length;
    for (const r of rules) {
      if (r.kind === 'none' || coolingDown(r, ts)) continue;
      let trigger: number | null = null;
      let ref: number | null = null;
      switch (r.kind) {
        case 'above':
          if (p > r.threshold) trigger = p;
          break;
        case 'below':
          if (p < r.threshold) trigger = p;
          break;
        case 'equals':
          if (Math.abs(p - r.threshold) < EQUALS_TOLERANCE) trigger = p;
          break;
        case 'crosses_above':
          if (prev !== null && prev <= r.threshold && p > r.threshold) trigger = p;
          break;
        case 'crosses_below':
          if (prev !== null && prev >= r.threshold && p < r.threshold) trigger = p;
          break;
        case 'volume':
          if (tick.volume > r.threshold) trigger = tick.volume;
          break;
        case 'roc_up':
        case 'roc_down': {
          ref = refs.get(r.windowMs) ?? null;
          if (ref === null || ref === 0) break;
          const pct = ((p - ref) / Math.abs(ref)) * 100;
          if (r.kind === 'roc_up' ? pct >= r.threshold : pct <= -r.threshold) trigger = pct;
          break;
        }
      }
      if (trigger === null) continue;
      out.push({
        ruleId: r.id,
        ruleVersion: r.version,
        instrumentId: tick.instrumentId,
        tsMs: ts,
        triggerValue: trigger,
        thresholdValue: r.threshold,
        previousPrice: prev,
        referencePrice: ref,
      });
      r.lastMs = ts;
    }
    s.prevPrice = p;
    s.lastTs = ts;
    return out.length - start;
  }

  private rulesOf(instrumentId: number): RuleSlot[] {
    if (!this.byInstrument) {
      this.byInstrument = new Map();
      for (const r of [...this.rules.values()].sort((a, b) => a.id - b.id)) {
        const list = this.byInstrument.get(r.instrumentId) ?? [];
        list.push(r);
        this.byInstrument.set(r.instrumentId, list);
      }
    }
    return this.byInstrument.get(instrumentId) ?? [];
  }

  private state(instrumentId: number): NaiveInstrument {
    let s = this.instruments.get(instrumentId);
    if (!s) this.instruments.set(instrumentId, (s = { lastTs: -Infinity, prevPrice: null, windows: new Map() }));
    return s;
  }
}
