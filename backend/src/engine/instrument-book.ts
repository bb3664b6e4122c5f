import { EQUALS_TOLERANCE } from '@tradeassist/shared-types';
import * as L from './book-layout';
import * as Records from './book-store';
import * as Levels from './level-index';
import { Bound, type LevelIndex } from './level-index';
import { RateWindows } from './rate-windows';
import { isRate, Kind, rearmAt, type RuleSlot } from './rule-slot';
import type { EngineTick, Firing } from './types';

// Layout offsets as module constants: the optimiser folds them, where a namespace property is a load per access.
const {
  HEADER,
  ABOVE_MIN,
  BELOW_MAX,
  VOLUME_MIN,
  EQ_FROM,
  EQ_TO,
  XA_LO,
  XA_HI,
  XB_LO,
  XB_HI,
  NEXT_REARM,
  RATE_LO,
  RATE_HI,
  RATE_DUE,
  PREV,
  LAST_TS,
  LO,
  HI,
  VOL,
  DUE,
  POS_END,
  OUTER,
  OUT_LO,
  OUT_HI,
  OUT_DUE,
  OWN_LO,
  OWN_HI,
  OWN_DUE,
} = L;
const { RECORD, R_COOLDOWN, R_ID, R_LAST, R_VERSION } = Records;
const { EQUALS_SEARCH } = Levels;

/**
 * One instrument's rules, indexed so a tick touches only the rules it can fire:
 * - level-triggered rules (above, below, volume, rate of change) sit in sorted indexes while armed;
 *   a tick fires a prefix or suffix of them;
 * - crossing and equals rules are found by the level range the price moved through or touches;
 * - a rule with a cooldown leaves its index when it fires and comes back through the re-arm heap
 *   once tick time reaches the end of its cooldown: a price wandering about a crossing level it
 *   just fired on then meets no level there, and stays on the fast path.
 * The header of `f` mirrors each index's bounds, and `publish` folds them with the rate windows'
 * bounds into the table's hot line: a tick that fires nothing reads neither the book nor an index.
 */
export class InstrumentBook extends RateWindows {
  private readonly above = this.newIndex(Bound.min, ABOVE_MIN);
  private readonly below = this.newIndex(Bound.max, BELOW_MAX);
  private readonly volume = this.newIndex(Bound.min, VOLUME_MIN);
  private readonly equals = this.newIndex(Bound.equals, EQ_FROM);
  private readonly crossAbove = this.newIndex(Bound.crossUp, XA_LO);
  private readonly crossBelow = this.newIndex(Bound.crossDown, XB_LO);

  constructor(
    table: L.HotTable,
    slot: number,
    readonly instrumentId: number,
  ) {
    super(table, slot);
    this.publish();
  }

  add(slot: RuleSlot): void {
    const index = this.indexFor(slot);
    slot.index = index;
    const record = this.admit(index, slot);
    const f = this.f;
    if (slot.cooldownMs > 0 && slot.lastMs > -Infinity) {
      // Possibly still cooling down (e.g. after a restart): re-armed by the first tick past its cooldown.
      this.heap.push(f, rearmAt(slot.lastMs, slot.cooldownMs), slot.threshold, index.id, record);
      f[NEXT_REARM] = this.heap.peek(f);
    } else {
      index.insert(f, slot.threshold, record);
      this.syncBounds(index);
    }
    this.publish();
  }

  /** Takes a rule out of its index, or out of the re-arm heap if it is cooling down. */
  remove(slot: RuleSlot): void {
    const index = slot.index;
    if (!index) return;
    const f = this.f;
    const record = this.dismiss(index, slot);
    if (index.remove(f, slot.threshold, record)) this.syncBounds(index);
    else if (this.heap.remove(f, record)) f[NEXT_REARM] = this.heap.peek(f);
    slot.index = null;
    if (isRate(slot.kind)) this.releaseWindow(slot.windowMs);
    this.publish();
  }

  seed(lastPrice: number | null, lastTsMs: number | null): void {
    const hot = this.table.hot;
    if (lastPrice !== null) {
      hot[this.at + PREV] = lastPrice;
      // The brackets are kept around the previous price: recentre them on the seeded one.
      this.syncBounds(this.equals);
      this.syncBounds(this.crossAbove);
      this.syncBounds(this.crossBelow);
    }
    if (lastTsMs !== null) hot[this.at + LAST_TS] = Math.max(hot[this.at + LAST_TS] as number, lastTsMs);
    this.publish();
  }

  /**
   * A tick the table's hot line could not rule out (BookTable checked that it is not late): each
   * index whose bracket the price left is searched, then the hot line is published anew.
   */
  evaluate(tick: EngineTick, out: Firing[]): number {
    const ts = tick.tsMs;
    const f = this.f;
    const hot = this.table.hot;
    const start = out.length;
    const p = tick.price;
    const v = tick.volume;
    const prev = hot[this.at + PREV] as number;
    const prevOut = prev === prev ? prev : null;
    if ((f[NEXT_REARM] as number) <= ts) this.rearm(ts, p, v, out, prevOut);
    if (this.dropPending) this.dropUnusedWindows();
    if (p > (f[ABOVE_MIN] as number)) this.fireLevels(this.above, 0, this.above.lowerBound(f, p), p, ts, out, prevOut, null);
    if (p < (f[BELOW_MAX] as number)) this.fireLevels(this.below, this.below.upperBound(f, p), this.below.size, p, ts, out, prevOut, null);
    if (v > (f[VOLUME_MIN] as number)) this.fireLevels(this.volume, 0, this.volume.lowerBound(f, v), v, ts, out, prevOut, null);
    // Brackets: a price that stays between the nearest levels crosses and touches none of them.
    if (!(p >= (f[EQ_FROM] as number) && p <= (f[EQ_TO] as number))) this.fireEquals(p, ts, out, prevOut);
    if (!(p >= (f[XA_LO] as number) && p <= (f[XA_HI] as number))) this.fireCrossAbove(p, prev, ts, out);
    if (!(p >= (f[XB_LO] as number) && p <= (f[XB_HI] as number))) this.fireCrossBelow(p, prev, ts, out);
    if (this.nWin > 0) this.evaluateRates(ts, p, out, prevOut);
    hot[this.at + PREV] = p;
    hot[this.at + LAST_TS] = ts;
    this.publish();
    const n = out.length - start;
    if (n > 1) sortByRuleId(out, start);
    return n;
  }

  /**
   * Folds every bound of the book into the table's hot line (see book-layout): the brackets and
   * level bounds of the indexes, the rate windows' bracket, when work is next due, and the bounds
   * folded in from outside (see BookTable.fold).
   */
  publish(): void {
    const f = this.f;
    const hot = this.table.hot;
    const at = this.at;
    const outer = this.table.outer;
    const o = this.slot * OUTER;
    const lo = Math.max(f[BELOW_MAX] as number, f[EQ_FROM] as number, f[XA_LO] as number, f[XB_LO] as number, f[RATE_LO] as number);
    const hi = Math.min(f[ABOVE_MIN] as number, f[EQ_TO] as number, f[XA_HI] as number, f[XB_HI] as number, f[RATE_HI] as number);
    const due = this.dropPending ? -Infinity : Math.min(f[NEXT_REARM] as number, f[RATE_DUE] as number);
    outer[o + OWN_LO] = lo;
    outer[o + OWN_HI] = hi;
    outer[o + OWN_DUE] = due;
    hot[at + LO] = Math.max(lo, outer[o + OUT_LO] as number);
    hot[at + HI] = Math.min(hi, outer[o + OUT_HI] as number);
    hot[at + VOL] = f[VOLUME_MIN] as number;
    hot[at + DUE] = Math.min(due, outer[o + OUT_DUE] as number);
    hot[at + POS_END] = this.ringEnd();
  }

  /** Every armed rule in [from, to) fires; those with a cooldown leave the index until re-armed. */
  protected override fireLevels(
    index: LevelIndex,
    from: number,
    to: number,
    trigger: number,
    ts: number,
    out: Firing[],
    prev: number | null,
    ref: number | null,
  ): void {
    const f = this.f;
    const start = index.start;
    let kept = from;
    for (let i = from; i < to; i++) {
      const level = f[start + i] as number;
      const record = f[index.recordAt(i)] as number;
      const cooldown = this.fire(record, level, ts, trigger, prev, ref, out);
      if (cooldown > 0) {
        this.heap.push(f, rearmAt(ts, cooldown), level, index.id, record);
      } else {
        f[start + kept] = level;
        f[index.recordAt(kept)] = record;
        kept++;
      }
    }
    if (kept < to) {
      index.removeRange(f, kept, to);
      this.syncBounds(index);
      f[NEXT_REARM] = this.heap.peek(f);
    }
  }

  /** The price left the bracket: levels in [prev, p) are crossed upwards (none when it fell or has no previous price). */
  private fireCrossAbove(p: number, prev: number, ts: number, out: Firing[]): void {
    const x = this.crossAbove;
    const f = this.f;
    if (p > prev) this.fireLevels(x, x.lowerBound(f, prev), x.lowerBound(f, p), p, ts, out, prev, null);
    x.mirror(f, p);
  }

  /** Levels in (p, prev] are crossed downwards. */
  private fireCrossBelow(p: number, prev: number, ts: number, out: Firing[]): void {
    const x = this.crossBelow;
    const f = this.f;
    if (p < prev) this.fireLevels(x, x.upperBound(f, p), x.upperBound(f, prev), p, ts, out, prev, null);
    x.mirror(f, p);
  }

  /** The price came within twice the tolerance of a level or left its bracket: apply the exact predicate around it. */
  private fireEquals(p: number, ts: number, out: Firing[], prev: number | null): void {
    const index = this.equals;
    const f = this.f;
    const start = index.start;
    const to = index.upperBound(f, p + EQUALS_SEARCH);
    let kept = index.lowerBound(f, p - EQUALS_SEARCH);
    for (let i = kept; i < to; i++) {
      const level = f[start + i] as number;
      const record = f[index.recordAt(i)] as number;
      if (Math.abs(p - level) < EQUALS_TOLERANCE) {
        const cooldown = this.fire(record, level, ts, p, prev, null, out);
        if (cooldown > 0) {
          this.heap.push(f, rearmAt(ts, cooldown), level, index.id, record);
          continue;
        }
      }
      f[start + kept] = level;
      f[index.recordAt(kept)] = record;
      kept++;
    }
    if (kept < to) {
      index.removeRange(f, kept, to);
      f[NEXT_REARM] = this.heap.peek(f);
    }
    index.mirror(f, p);
  }

  /**
   * Appends a rule's firing and records it as the rule's last; returns the rule's cooldown. The
   * threshold comes from the index and the rest from the rule's record: the rule object itself,
   * somewhere in a heap of thousands, is not read.
   */
  private fire(
    record: number,
    threshold: number,
    ts: number,
    trigger: number,
    prev: number | null,
    ref: number | null,
    out: Firing[],
  ): number {
    const f = this.f;
    const at = this.recordStart + RECORD * record;
    f[at + R_LAST] = ts;
    out.push({
      ruleId: f[at + R_ID] as number,
      ruleVersion: f[at + R_VERSION] as number,
      instrumentId: this.instrumentId,
      tsMs: ts,
      triggerValue: trigger,
      thresholdValue: threshold,
      previousPrice: prev,
      referencePrice: ref,
    });
    return f[at + R_COOLDOWN] as number;
  }

  /**
   * Puts back every rule whose cooldown has ended by tick time ts. A price or volume rule that
   * this very tick satisfies fires here and goes straight back to the heap: the same firing the
   * index would give a moment later, without inserting it and taking it out again (a rule stuck
   * on the firing side of its level does this every cooldown).
   */
  private rearm(ts: number, p: number, v: number, out: Firing[], prev: number | null): void {
    const heap = this.heap;
    const f = this.f;
    while (heap.size > 0 && (f[heap.start] as number) <= ts) {
      const level = f[heap.start + 1] as number;
      const index = this.indexes[f[heap.start + 2] as number] as LevelIndex;
      const record = f[heap.start + 3] as number;
      const trigger = this.triggerOnRearm(index, level, p, v);
      heap.pop(f);
      if (trigger === trigger) {
        const cooldown = this.fire(record, level, ts, trigger, prev, null, out);
        heap.push(f, rearmAt(ts, cooldown), level, index.id, record);
      } else {
        index.insert(f, level, record);
        this.syncBounds(index);
      }
    }
    f[NEXT_REARM] = heap.peek(f);
  }

  /** What a rule coming back from cooldown fires with on this tick (price or volume), NaN if not now or not a price/volume rule. */
  private triggerOnRearm(index: LevelIndex, level: number, p: number, v: number): number {
    if (index === this.above) return p > level ? p : NaN;
    if (index === this.below) return p < level ? p : NaN;
    if (index === this.volume) return v > level ? v : NaN;
    // Rate of change: the percent change is not known yet; crossing and equals rules depend on
    // the move from the previous price: the rule goes back to its index, which the tick then reads.
    return NaN;
  }

  /** Mirrors an index into the header after it changed (brackets around the last price). */
  private syncBounds(index: LevelIndex): void {
    index.mirror(this.f, this.table.hot[this.at + PREV] as number);
    // The rate windows' indexes mirror into their window, past the header.
    if (index.boundAt >= HEADER) this.ratesChanged(index.boundAt);
  }

  private indexFor(slot: RuleSlot): LevelIndex {
    switch (slot.kind) {
      case Kind.above:
        return this.above;
      case Kind.below:
        return this.below;
      case Kind.volume:
        return this.volume;
      case Kind.equals:
        return this.equals;
      case Kind.crossesAbove:
        return this.crossAbove;
      case Kind.crossesBelow:
        return this.crossBelow;
      case Kind.rocUp:
      case Kind.rocDown:
        return this.useWindow(slot.windowMs, slot.kind === Kind.rocUp);
      case Kind.none:
        throw new Error(`rule ${slot.id} is not evaluated and has no index`);
    }
  }
}

/** Insertion sort of the tick's own firings (a handful): no allocation, stable. */
function sortByRuleId(out: Firing[], start: number): void {
  for (let i = start + 1; i < out.length; i++) {
    const f = out[i] as Firing;
    let j = i - 1;
    while (j >= start && (out[j] as Firing).ruleId > f.ruleId) {
      out[j + 1] = out[j] as Firing;
      j--;
    }
    out[j + 1] = f;
  }
}
