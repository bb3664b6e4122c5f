import { EQUALS_TOLERANCE } from '@tradeassist/shared-types';
import * as L from './book-layout';
import { Bound, EQUALS_SEARCH, LevelIndex } from './level-index';
import { RateWindows } from './rate-windows';
import { RearmHeap } from './rearm-heap';
import { coolingDown, isLevelTriggered, isRate, Kind, rearmAt, type RuleSlot } from './rule-slot';
import { LATE, type EngineTick, type Firing } from './types';

// Layout offsets as module constants: the optimiser folds them, where a namespace property is a load per access.
const {
  HEADER,
  ABOVE_MIN,
  BELOW_MAX,
  VOLUME_MIN,
  EQ_FROM,
  XA_LO,
  XB_LO,
  NEXT_REARM,
  PREV,
  LAST_TS,
  EQ_TO,
  XA_HI,
  XB_HI,
  SEQ,
  OLDEST,
  RING_LO,
  RING_HI,
  WINDOW,
  W_HEAD,
  W_UP_MIN,
  W_DOWN_MIN,
} = L;

/**
 * One instrument's rules, indexed so a tick touches only the rules it can fire:
 * - level-triggered rules (above, below, volume, rate of change) sit in sorted indexes while armed;
 *   a tick fires a prefix or suffix of them, and a rule with a cooldown leaves its index when it
 *   fires and comes back through the re-arm heap once tick time reaches the end of its cooldown;
 * - crossing and equals rules are found by the level range the price moved through or touches.
 * The header of `f` mirrors each index's bounds, so a tick that fires nothing reads no index at all.
 */
export class InstrumentBook extends RateWindows {
  private readonly above = new LevelIndex(Bound.min, ABOVE_MIN);
  private readonly below = new LevelIndex(Bound.max, BELOW_MAX);
  private readonly volume = new LevelIndex(Bound.min, VOLUME_MIN);
  private readonly equals = new LevelIndex(Bound.equals, EQ_FROM);
  private readonly crossAbove = new LevelIndex(Bound.crossUp, XA_LO);
  private readonly crossBelow = new LevelIndex(Bound.crossDown, XB_LO);
  private readonly heap = new RearmHeap();

  constructor(readonly instrumentId: number) {
    super();
  }

  add(slot: RuleSlot): void {
    const index = this.indexFor(slot);
    slot.index = index;
    if (isLevelTriggered(slot.kind) && slot.cooldownMs > 0 && slot.lastMs > -Infinity) {
      // Possibly still cooling down (e.g. after a restart): re-armed by the first tick past its cooldown.
      this.heap.push(rearmAt(slot.lastMs, slot.cooldownMs), slot.threshold, slot, index);
      this.f[NEXT_REARM] = this.heap.peek();
      return;
    }
    index.insert(slot.threshold, slot);
    this.syncBounds(index);
  }

  /** Takes a rule out of its index, or out of the re-arm heap if it is cooling down. */
  remove(slot: RuleSlot): void {
    const index = slot.index;
    if (!index) return;
    if (index.remove(slot)) this.syncBounds(index);
    else if (this.heap.remove(slot)) this.f[NEXT_REARM] = this.heap.peek();
    slot.index = null;
    if (isRate(slot.kind)) this.releaseWindow(slot.windowMs);
  }

  seed(lastPrice: number | null, lastTsMs: number | null): void {
    if (lastPrice !== null) {
      this.f[PREV] = lastPrice;
      // The brackets are kept around the previous price: recentre them on the seeded one.
      this.syncBounds(this.equals);
      this.syncBounds(this.crossAbove);
      this.syncBounds(this.crossBelow);
    }
    if (lastTsMs !== null) this.f[LAST_TS] = Math.max(this.f[LAST_TS] as number, lastTsMs);
  }

  evaluate(tick: EngineTick, out: Firing[]): number {
    const ts = tick.tsMs;
    let f = this.f;
    if (ts < (f[LAST_TS] as number)) return LATE;
    const start = out.length;
    const p = tick.price;
    const v = tick.volume;
    const prev = f[PREV] as number;
    const prevOut = prev === prev ? prev : null;
    if ((f[NEXT_REARM] as number) <= ts) this.rearm(ts, p, v, out, prevOut);
    if (this.dropPending) this.dropUnusedWindows();
    if (p > (f[ABOVE_MIN] as number)) this.fireLevels(this.above, 0, this.above.lowerBound(p), p, ts, out, prevOut, null);
    if (p < (f[BELOW_MAX] as number)) this.fireLevels(this.below, this.below.upperBound(p), this.below.size, p, ts, out, prevOut, null);
    if (v > (f[VOLUME_MIN] as number)) this.fireLevels(this.volume, 0, this.volume.lowerBound(v), v, ts, out, prevOut, null);
    // Brackets: a price that stays between the nearest levels crosses and touches none of them.
    if (!(p >= (f[EQ_FROM] as number) && p <= (f[EQ_TO] as number))) this.fireEquals(p, ts, out, prevOut);
    if (!(p > (f[XA_LO] as number) && p <= (f[XA_HI] as number))) this.fireCrossAbove(p, prev, ts, out);
    if (!(p >= (f[XB_LO] as number) && p < (f[XB_HI] as number))) this.fireCrossBelow(p, prev, ts, out);
    if (this.nWin > 0) f = this.evaluateRates(ts, p, out, prevOut);
    f[PREV] = p;
    f[LAST_TS] = ts;
    const n = out.length - start;
    if (n > 1) sortByRuleId(out, start);
    return n;
  }

  /**
   * One write to the shared ring, then each window that could fire reads its reference price;
   * returns `f` (the ring may have grown). The ring's price bounds give the largest rise and fall
   * any window can show, so a window whose thresholds are out of that reach is not read at all
   * (its head catches up when it is next needed): most ticks then touch no ring entry but the new one.
   */
  private evaluateRates(ts: number, p: number, out: Firing[], prevOut: number | null): Float64Array {
    let f = this.f;
    let seq = f[SEQ] as number;
    if (seq - (f[OLDEST] as number) >= this.ringCap) {
      this.settle(ts, false);
      if (seq - (f[OLDEST] as number) >= this.ringCap) f = this.resize(this.winCap, this.ringCap * 2);
    }
    const at = this.ringOff + 2 * (seq & this.mask);
    f[at] = ts;
    f[at + 1] = p;
    f[SEQ] = ++seq;
    if (p < (f[RING_LO] as number)) f[RING_LO] = p;
    if (p > (f[RING_HI] as number)) f[RING_HI] = p;
    // Twice per turn of the ring, tighten the bounds to what the windows still hold.
    if ((seq & (this.mask >> 1)) === 0) this.settle(ts, true);
    const lo = f[RING_LO] as number;
    const hi = f[RING_HI] as number;
    // With every reference on one side of zero, the percent change is monotonic in it: its extremes come from lo and hi.
    const bounded = lo > 0 || hi < 0;
    const pLo = ((p - lo) / Math.abs(lo)) * 100;
    const pHi = ((p - hi) / Math.abs(hi)) * 100;
    const most = pLo > pHi ? pLo : pHi;
    const least = pLo > pHi ? pHi : pLo;
    const n = this.nWin;
    let oldest = seq;
    for (let w = 0, o = HEADER; w < n; w++, o += WINDOW) {
      const upMin = f[o + W_UP_MIN] as number;
      const downMin = f[o + W_DOWN_MIN] as number;
      if (outOfReach(upMin, downMin, bounded, most, least)) {
        const head = f[o + W_HEAD] as number;
        if (head < oldest) oldest = head;
        continue;
      }
      const h = this.advanceHead(o, ts);
      const head = f[o + W_HEAD] as number;
      if (head < oldest) oldest = head;
      const ref = f[h + 1] as number;
      // A zero reference (TICK, ADD can sit at 0) has no meaningful percent change.
      if (ref === 0) continue;
      const pct = ((p - ref) / Math.abs(ref)) * 100;
      if (pct >= upMin) {
        const up = this.winUp[w] as LevelIndex;
        this.fireLevels(up, 0, up.upperBound(pct), pct, ts, out, prevOut, ref);
      }
      if (-pct >= downMin) {
        const down = this.winDown[w] as LevelIndex;
        this.fireLevels(down, 0, down.upperBound(-pct), pct, ts, out, prevOut, ref);
      }
    }
    f[OLDEST] = oldest;
    return f;
  }

  /** Every armed rule in [from, to) fires; those with a cooldown leave the index until re-armed. */
  private fireLevels(
    index: LevelIndex,
    from: number,
    to: number,
    trigger: number,
    ts: number,
    out: Firing[],
    prev: number | null,
    ref: number | null,
  ): void {
    const levels = index.levels;
    const slots = index.slots;
    let kept = from;
    for (let i = from; i < to; i++) {
      const slot = slots[i] as RuleSlot;
      const level = levels[i] as number;
      out.push(this.firing(slot, level, ts, trigger, prev, ref));
      slot.lastMs = ts;
      if (slot.cooldownMs > 0) {
        this.heap.push(rearmAt(ts, slot.cooldownMs), level, slot, index);
      } else {
        levels[kept] = level;
        slots[kept] = slot;
        kept++;
      }
    }
    if (kept < to) {
      index.removeRange(kept, to);
      this.syncBounds(index);
      this.f[NEXT_REARM] = this.heap.peek();
    }
  }

  /** The price left the bracket: levels in [prev, p) are crossed upwards (none when it fell or has no previous price). */
  private fireCrossAbove(p: number, prev: number, ts: number, out: Firing[]): void {
    const x = this.crossAbove;
    if (p > prev) this.fireCrossing(x, x.lowerBound(prev), x.lowerBound(p), p, ts, out, prev);
    x.mirror(this.f, p);
  }

  /** Levels in (p, prev] are crossed downwards. */
  private fireCrossBelow(p: number, prev: number, ts: number, out: Firing[]): void {
    const x = this.crossBelow;
    if (p < prev) this.fireCrossing(x, x.upperBound(p), x.upperBound(prev), p, ts, out, prev);
    x.mirror(this.f, p);
  }

  /** Crossing rules stay indexed; the range is what the price moved through, cooldown checked per rule. */
  private fireCrossing(index: LevelIndex, from: number, to: number, p: number, ts: number, out: Firing[], prev: number): void {
    const slots = index.slots;
    for (let i = from; i < to; i++) {
      const slot = slots[i] as RuleSlot;
      if (coolingDown(slot, ts)) continue;
      out.push(this.firing(slot, index.levels[i] as number, ts, p, prev, null));
      slot.lastMs = ts;
    }
  }

  /** The price came within twice the tolerance of a level or left its bracket: apply the exact predicate around it. */
  private fireEquals(p: number, ts: number, out: Firing[], prev: number | null): void {
    const index = this.equals;
    const slots = index.slots;
    const to = index.upperBound(p + EQUALS_SEARCH);
    for (let i = index.lowerBound(p - EQUALS_SEARCH); i < to; i++) {
      const level = index.levels[i] as number;
      const slot = slots[i] as RuleSlot;
      if (Math.abs(p - level) >= EQUALS_TOLERANCE || coolingDown(slot, ts)) continue;
      out.push(this.firing(slot, level, ts, p, prev, null));
      slot.lastMs = ts;
    }
    index.mirror(this.f, p);
  }

  /** A firing; the threshold comes from the index (the rule's own field is a boxed double, another cache miss). */
  private firing(slot: RuleSlot, threshold: number, ts: number, trigger: number, prev: number | null, ref: number | null): Firing {
    return {
      ruleId: slot.id,
      ruleVersion: slot.version,
      instrumentId: this.instrumentId,
      tsMs: ts,
      triggerValue: trigger,
      thresholdValue: threshold,
      previousPrice: prev,
      referencePrice: ref,
    };
  }

  /**
   * Puts back every rule whose cooldown has ended by tick time ts. A price or volume rule that
   * this very tick satisfies fires here and goes straight back to the heap: the same firing the
   * index would give a moment later, without inserting it and taking it out again (a rule stuck
   * on the firing side of its level does this every cooldown).
   */
  private rearm(ts: number, p: number, v: number, out: Firing[], prev: number | null): void {
    const heap = this.heap;
    while (heap.size > 0 && (heap.keys[0] as number) <= ts) {
      const level = heap.keys[1] as number;
      const slot = heap.refs[0] as RuleSlot;
      const index = heap.refs[1] as LevelIndex;
      const trigger = this.triggerOnRearm(index, level, p, v);
      heap.pop();
      if (trigger === trigger) {
        out.push(this.firing(slot, level, ts, trigger, prev, null));
        slot.lastMs = ts;
        heap.push(rearmAt(ts, slot.cooldownMs), level, slot, index);
      } else {
        index.insert(level, slot);
        this.syncBounds(index);
      }
    }
    this.f[NEXT_REARM] = heap.peek();
  }

  /** What a rule coming back from cooldown fires with on this tick (price or volume), NaN if not now or not a price/volume rule. */
  private triggerOnRearm(index: LevelIndex, level: number, p: number, v: number): number {
    if (index === this.above) return p > level ? p : NaN;
    if (index === this.below) return p < level ? p : NaN;
    if (index === this.volume) return v > level ? v : NaN;
    // Rate of change: the percent change is not known yet; the rule goes back to its index.
    return NaN;
  }

  /** Mirrors an index into the header after it changed (brackets around the last price). */
  private syncBounds(index: LevelIndex): void {
    index.mirror(this.f, this.f[PREV] as number);
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

/** No armed rule of the window can fire, whatever its reference: none is armed, or every threshold is beyond the ring's reach. */
function outOfReach(upMin: number, downMin: number, bounded: boolean, most: number, least: number): boolean {
  const upOut = upMin === Infinity || (bounded && most < upMin - slack(most, upMin));
  return upOut && (downMin === Infinity || (bounded && -least < downMin - slack(least, downMin)));
}

/**
 * How far below a threshold a bound must be before a window is skipped: the bound and the exact
 * percent change are computed alike but from different prices, so they may round apart by a few
 * units in the last place; this is many orders of magnitude more than that, and still tiny.
 */
function slack(pct: number, threshold: number): number {
  return 1e-9 * (1 + Math.abs(pct) + Math.abs(threshold));
}
