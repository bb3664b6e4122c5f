import { EQUALS_TOLERANCE } from '@tradeassist/shared-types';
import { LevelIndex } from './level-index';
import { PriceRing } from './price-ring';
import { RearmHeap } from './rearm-heap';
import { coolingDown, type RuleSlot } from './rule-slot';
import { LATE, type EngineTick, type Firing } from './types';

interface RateWindow {
  windowMs: number;
  /** Sequence number in the shared ring of the earliest price inside the window. */
  head: number;
  up: LevelIndex;
  down: LevelIndex;
  /** Rules using this window, armed or cooling down; the window goes when the last one does. */
  users: number;
  /** Smallest armed threshold of each side (+∞ when none): most ticks stop at this comparison. */
  upMin: number;
  downMin: number;
}

const LEVEL_TRIGGERED = new Set(['above', 'below', 'volume', 'roc_up', 'roc_down']);

/**
 * One instrument's rules, indexed so a tick touches only the rules it can fire:
 * - level-triggered rules (above, below, volume, rate of change) sit in sorted indexes while armed;
 *   a tick fires exactly a prefix or suffix of them, and a rule with a cooldown leaves the index
 *   when it fires and comes back through the re-arm heap when tick time reaches the end of it;
 * - crossing and equals rules are found by the level range the price moved through.
 */
export class InstrumentBook {
  lastTs = -Infinity;
  prevPrice: number | null = null;
  private readonly above = new LevelIndex();
  private readonly below = new LevelIndex();
  private readonly volume = new LevelIndex();
  private readonly equals = new LevelIndex();
  private readonly crossAbove = new LevelIndex();
  private readonly crossBelow = new LevelIndex();
  private readonly rates: RateWindow[] = [];
  private ring: PriceRing | null = null;
  private readonly rearm = new RearmHeap();
  /**
   * Bounds of each index, kept as plain fields of this object: on most ticks one comparison
   * against them shows nothing can fire, without touching the index arrays (at 1 000
   * instruments the cost of a tick is mostly cache misses, so touching less memory is the speed-up).
   */
  private aboveMin = Infinity;
  private belowMax = -Infinity;
  private volumeMin = Infinity;
  private equalsMin = Infinity;
  private equalsMax = -Infinity;
  private crossAboveMin = Infinity;
  private crossAboveMax = -Infinity;
  private crossBelowMin = Infinity;
  private crossBelowMax = -Infinity;
  private nextRearm = Infinity;

  constructor(readonly instrumentId: number) {}

  add(slot: RuleSlot): void {
    if (isRate(slot)) this.rateWindow(slot.windowMs).users++;
    if (LEVEL_TRIGGERED.has(slot.kind) && slot.cooldownMs > 0 && slot.lastMs !== null) {
      // Still possibly cooling down (e.g. after a restart): it re-arms on the first tick past its cooldown.
      slot.armed = false;
      this.rearm.push(slot.lastMs + slot.cooldownMs, slot);
      this.nextRearm = this.rearm.peek();
      return;
    }
    slot.armed = true;
    this.indexOf(slot)?.insert(slot);
    this.refreshBounds();
  }

  remove(slot: RuleSlot): void {
    if (slot.armed) this.indexOf(slot)?.remove(slot);
    slot.armed = false;
    if (isRate(slot)) this.releaseWindow(slot.windowMs);
    this.refreshBounds();
  }

  evaluate(tick: EngineTick, out: Firing[]): number {
    const ts = tick.tsMs;
    if (ts < this.lastTs) return LATE;
    let changed = false;
    if (this.nextRearm <= ts) {
      while (this.rearm.peek() <= ts) {
        const slot = this.rearm.pop();
        if (slot && !slot.armed) {
          slot.armed = true;
          this.indexOf(slot)?.insert(slot);
        }
      }
      changed = true;
    }
    if (changed) this.refreshBounds();
    const start = out.length;
    const p = tick.price;
    const prev = this.prevPrice;
    if (p > this.aboveMin) changed = this.fireLevels(this.above, 0, this.above.lowerBound(p), p, ts, out, null) || changed;
    if (p < this.belowMax) changed = this.fireLevels(this.below, this.below.upperBound(p), this.below.size, p, ts, out, null) || changed;
    if (tick.volume > this.volumeMin)
      changed = this.fireLevels(this.volume, 0, this.volume.lowerBound(tick.volume), tick.volume, ts, out, null) || changed;
    if (p > this.equalsMin - 2 * EQUALS_TOLERANCE && p < this.equalsMax + 2 * EQUALS_TOLERANCE) this.fireEquals(p, ts, out);
    if (prev !== null) {
      // A crossing needs a level in [prev, p) (up) or (p, prev] (down).
      if (p > prev && p > this.crossAboveMin && prev <= this.crossAboveMax) {
        this.fireRange(this.crossAbove, this.crossAbove.lowerBound(prev), this.crossAbove.lowerBound(p), p, ts, out);
      } else if (p < prev && p < this.crossBelowMax && prev >= this.crossBelowMin) {
        this.fireRange(this.crossBelow, this.crossBelow.upperBound(p), this.crossBelow.upperBound(prev), p, ts, out);
      }
    }
    if (this.ring !== null) changed = this.evaluateRates(this.ring, ts, p, out) || changed;
    if (changed) this.refreshBounds();
    this.prevPrice = p;
    this.lastTs = ts;
    const n = out.length - start;
    if (n > 1) sortByRuleId(out, start);
    return n;
  }

  /** One write to the shared ring, then each window's cursor moves past prices that left it. */
  private evaluateRates(ring: PriceRing, ts: number, p: number, out: Firing[]): boolean {
    const rates = this.rates;
    let oldest = ring.seq;
    for (let i = 0; i < rates.length; i++) oldest = Math.min(oldest, (rates[i] as RateWindow).head);
    ring.push(ts, p, oldest);
    let fired = false;
    for (let i = 0; i < rates.length; i++) {
      const rate = rates[i] as RateWindow;
      const from = ts - rate.windowMs;
      let head = rate.head;
      while (ring.tsAt(head) < from) head++;
      rate.head = head;
      const ref = ring.priceAt(head);
      // A zero reference (TICK, ADD can sit at 0) has no meaningful percent change.
      if (ref === 0) continue;
      const pct = ((p - ref) / Math.abs(ref)) * 100;
      if (pct >= rate.upMin) fired = this.fireLevels(rate.up, 0, rate.up.upperBound(pct), pct, ts, out, ref) || fired;
      if (-pct >= rate.downMin) fired = this.fireLevels(rate.down, 0, rate.down.upperBound(-pct), pct, ts, out, ref) || fired;
    }
    return fired;
  }

  /** Every armed rule in [from, to) fires; those with a cooldown leave the index until re-armed. */
  private fireLevels(index: LevelIndex, from: number, to: number, trigger: number, ts: number, out: Firing[], ref: number | null): boolean {
    if (to <= from) return false;
    const { levels, slots } = index;
    let kept = from;
    for (let i = from; i < to; i++) {
      const slot = slots[i] as RuleSlot;
      out.push(this.firing(slot, ts, trigger, ref));
      slot.lastMs = ts;
      if (slot.cooldownMs > 0) {
        slot.armed = false;
        this.rearm.push(ts + slot.cooldownMs, slot);
      } else {
        levels[kept] = levels[i] as number;
        slots[kept] = slot;
        kept++;
      }
    }
    if (kept < to) {
      levels.splice(kept, to - kept);
      slots.splice(kept, to - kept);
    }
    this.nextRearm = this.rearm.peek();
    return true;
  }

  private refreshBounds(): void {
    this.aboveMin = first(this.above);
    this.belowMax = last(this.below);
    this.volumeMin = first(this.volume);
    this.equalsMin = first(this.equals);
    this.equalsMax = last(this.equals);
    this.crossAboveMin = first(this.crossAbove);
    this.crossAboveMax = last(this.crossAbove);
    this.crossBelowMin = first(this.crossBelow);
    this.crossBelowMax = last(this.crossBelow);
    for (const rate of this.rates) {
      rate.upMin = first(rate.up);
      rate.downMin = first(rate.down);
    }
    this.nextRearm = this.rearm.peek();
  }

  /** Crossing rules stay indexed; the range is what the price moved through, cooldown checked per rule. */
  private fireRange(index: LevelIndex, from: number, to: number, trigger: number, ts: number, out: Firing[]): void {
    for (let i = from; i < to; i++) {
      const slot = index.slots[i] as RuleSlot;
      if (coolingDown(slot, ts)) continue;
      out.push(this.firing(slot, ts, trigger, null));
      slot.lastMs = ts;
    }
  }

  private fireEquals(p: number, ts: number, out: Firing[]): void {
    // Search a slightly wider range, then apply the exact predicate so rounding never differs from it.
    const to = this.equals.upperBound(p + 2 * EQUALS_TOLERANCE);
    for (let i = this.equals.lowerBound(p - 2 * EQUALS_TOLERANCE); i < to; i++) {
      const slot = this.equals.slots[i] as RuleSlot;
      if (Math.abs(p - slot.threshold) >= EQUALS_TOLERANCE || coolingDown(slot, ts)) continue;
      out.push(this.firing(slot, ts, p, null));
      slot.lastMs = ts;
    }
  }

  private firing(slot: RuleSlot, ts: number, trigger: number, ref: number | null): Firing {
    return {
      ruleId: slot.id,
      ruleVersion: slot.version,
      instrumentId: this.instrumentId,
      tsMs: ts,
      triggerValue: trigger,
      thresholdValue: slot.threshold,
      previousPrice: this.prevPrice,
      referencePrice: ref,
    };
  }

  private indexOf(slot: RuleSlot): LevelIndex | undefined {
    switch (slot.kind) {
      case 'above':
        return this.above;
      case 'below':
        return this.below;
      case 'volume':
        return this.volume;
      case 'equals':
        return this.equals;
      case 'crosses_above':
        return this.crossAbove;
      case 'crosses_below':
        return this.crossBelow;
      case 'roc_up':
        return this.rateWindow(slot.windowMs).up;
      case 'roc_down':
        return this.rateWindow(slot.windowMs).down;
      case 'none':
        return undefined;
    }
  }

  private rateWindow(windowMs: number): RateWindow {
    let rate = this.rates.find((r) => r.windowMs === windowMs);
    if (!rate) {
      this.ring ??= new PriceRing();
      // Starts empty: the next tick is its first price, as for a window created with the rule.
      rate = { windowMs, head: this.ring.seq, up: new LevelIndex(), down: new LevelIndex(), users: 0, upMin: Infinity, downMin: Infinity };
      this.rates.push(rate);
    }
    return rate;
  }

  private releaseWindow(windowMs: number): void {
    const i = this.rates.findIndex((r) => r.windowMs === windowMs);
    const rate = this.rates[i];
    if (rate && --rate.users === 0) this.rates.splice(i, 1);
    if (this.rates.length === 0) this.ring = null;
  }
}

function first(index: LevelIndex): number {
  return index.size > 0 ? (index.levels[0] as number) : Infinity;
}

function last(index: LevelIndex): number {
  return index.size > 0 ? (index.levels[index.size - 1] as number) : -Infinity;
}

function isRate(slot: RuleSlot): boolean {
  return slot.kind === 'roc_up' || slot.kind === 'roc_down';
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
