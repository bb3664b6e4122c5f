import { floorTrigger } from './floor-predicate';
import { PriceWindow } from './price-window';
import { coolingDown, isRate, Kind, toSlot, type RuleSlot } from './rule-slot';
import { LATE, type EngineRule, type EngineTick, type Firing } from './types';

interface NaiveInstrument {
  lastTs: number;
  prevPrice: number | null;
  /** One window per distinct length its rate rules use; a length no rule uses any more is dropped at the next tick. */
  windows: Map<number, PriceWindow>;
}

interface InstrumentRules {
  /** The instrument's rules in id order, so firings come out ordered by rule id. */
  rules: RuleSlot[];
  windowLengths: number[];
}

const NO_RULES: InstrumentRules = { rules: [], windowLengths: [] };

/**
 * The reference implementation: every tick scans every rule of its instrument and checks the
 * contract's predicates literally. Slow on purpose; it is the oracle for tests and the bench.
 */
export class NaiveEngine {
  private readonly rules = new Map<number, RuleSlot>();
  private readonly instruments = new Map<number, NaiveInstrument>();
  /** Rules grouped by instrument; rebuilt after any rule change. */
  private byInstrument: Map<number, InstrumentRules> | null = null;

  get ruleCount(): number {
    return this.rules.size;
  }

  hasRule(ruleId: number): boolean {
    return this.rules.has(ruleId);
  }

  upsertRule(rule: EngineRule): void {
    this.byInstrument = null;
    this.rules.set(rule.id, toSlot(rule, this.rules.get(rule.id)));
  }

  removeRule(ruleId: number): void {
    this.byInstrument = null;
    this.rules.delete(ruleId);
  }

  seedInstrument(instrumentId: number, lastPrice: number | null, lastTsMs: number | null): void {
    const s = this.state(instrumentId);
    if (lastPrice !== null) s.prevPrice = lastPrice;
    if (lastTsMs !== null) s.lastTs = Math.max(s.lastTs, lastTsMs);
  }

  evaluate(tick: EngineTick, out: Firing[]): number {
    const s = this.state(tick.instrumentId);
    const ts = tick.tsMs;
    if (ts < s.lastTs) return LATE;
    const p = tick.price;
    const prev = s.prevPrice;
    const { rules, windowLengths } = this.rulesOf(tick.instrumentId);
    for (const ms of s.windows.keys()) if (!windowLengths.includes(ms)) s.windows.delete(ms);
    for (const ms of windowLengths) {
      let w = s.windows.get(ms);
      if (!w) s.windows.set(ms, (w = new PriceWindow(ms)));
      w.push(ts, p);
    }
    const start = out.length;
    for (const r of rules) {
      if (coolingDown(r, ts)) continue;
      const ref = isRate(r.kind) ? (s.windows.get(r.windowMs)?.reference ?? null) : null;
      const trigger = floorTrigger(r.kind, r.threshold, p, prev, tick.volume, ref);
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

  private rulesOf(instrumentId: number): InstrumentRules {
    if (!this.byInstrument) {
      const grouped = new Map<number, InstrumentRules>();
      for (const r of [...this.rules.values()].sort((a, b) => a.id - b.id)) {
        if (r.kind === Kind.none) continue;
        let g = grouped.get(r.instrumentId);
        if (!g) grouped.set(r.instrumentId, (g = { rules: [], windowLengths: [] }));
        g.rules.push(r);
        if (isRate(r.kind) && !g.windowLengths.includes(r.windowMs)) g.windowLengths.push(r.windowMs);
      }
      this.byInstrument = grouped;
    }
    return this.byInstrument.get(instrumentId) ?? NO_RULES;
  }

  private state(instrumentId: number): NaiveInstrument {
    let s = this.instruments.get(instrumentId);
    if (!s) this.instruments.set(instrumentId, (s = { lastTs: -Infinity, prevPrice: null, windows: new Map() }));
    return s;
  }
}
