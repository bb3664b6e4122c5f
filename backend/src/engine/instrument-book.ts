import { EQUALS_TOLERANCE } from '@tradeassist/shared-types';
import { LevelIndex } from './level-index';
import { PriceWindow } from './price-window';
import { RearmHeap } from './rearm-heap';
import { coolingDown, type RuleSlot } from './rule-slot';
import { LATE, type EngineTick, type Firing } from './types';

interface RateWindow {
  window: PriceWindow;
  up: LevelIndex;
  down: LevelIndex;
  /** Rules using this window, armed or cooling down; the window goes when the last one does. */
  users: number;
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
  private readonly rearm = new RearmHeap();

  constructor(readonly instrumentId: number) {}

  add(slot: RuleSlot): void {
    if (isRate(slot)) this.rateWindow(slot.windowMs).users++;
    if (LEVEL_TRIGGERED.has(slot.kind) && slot.cooldownMs > 0 && slot.lastMs !== null) {
      // Still possibly cooling down (e.g. after a restart): it re-arms on the first tick past its cooldown.
      slot.armed = false;
      this.rearm.push(slot.lastMs + slot.cooldownMs, slot);
      return;
    }
    slot.armed = true;
    this.indexOf(slot)?.insert(slot);
  }

  remove(slot: RuleSlot): void {
    if (slot.armed) this.indexOf(slot)?.remove(slot);
    slot.armed = false;
    if (isRate(slot)) this.releaseWindow(slot.windowMs);
  }

  evaluate(tick: EngineTick, out: Firing[]): number {
    const ts = tick.tsMs;
    if (ts < this.lastTs) return LATE;
    while (this.rearm.peek() <= ts) {
      const slot = this.rearm.pop();
      if (slot && !slot.armed) {
        slot.armed = true;
        this.indexOf(slot)?.insert(slot);
      }
    }
    const start = out.length;
    const p = tick.price;
    const prev = this.prevPrice;
    if (this.above.size > 0) this.fireLevels(this.above, 0, this.above.lowerBound(p), p, ts, out, null);
    if (this.below.size > 0) this.fireLevels(this.below, this.below.upperBound(p), this.below.size, p, ts, out, null);
    if (this.volume.size > 0) this.fireLevels(this.volume, 0, this.volume.lowerBound(tick.volume), tick.volume, ts, out, null);
    if (this.equals.size > 0) this.fireEquals(p, ts, out);
    if (prev !== null && p > prev && this.crossAbove.size > 0) {
      this.fireRange(this.crossAbove, this.crossAbove.lowerBound(prev), this.crossAbove.lowerBound(p), p, ts, out);
    }
    if (prev !== null && p < prev && this.crossBelow.size > 0) {
      this.fireRange(this.crossBelow, this.crossBelow.upperBound(p), this.crossBelow.upperBound(prev), p, ts, out);
    }
    for (const rate of this.rates) {
      const ref = rate.window.push(ts, p);
      // A zero reference (TICK, ADD can sit at 0) has no meaningful percent change.
      if (ref === 0) continue;
      const pct = ((p - ref) / Math.abs(ref)) * 100;
      if (rate.up.size > 0) this.fireLevels(rate.up, 0, rate.up.upperBound(pct), pct, ts, out, ref);
      if (rate.down.size > 0) this.fireLevels(rate.down, 0, rate.down.upperBound(-pct), pct, ts, out, ref);
    }
    this.prevPrice = p;
    this.lastTs = ts;
    const n = out.length - start;
    if (n > 1) sortByRuleId(out, start);
    return n;
  }

  /** Every armed rule in [from, to) fires; those with a cooldown leave the index until re-armed. */
  private fireLevels(index: LevelIndex, from: number, to: number, trigger: number, ts: number, out: Firing[], ref: number | null): void {
    if (to <= from) return;
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
    let rate = this.rates.find((r) => r.window.windowMs === windowMs);
    if (!rate) {
      rate = { window: new PriceWindow(windowMs), up: new LevelIndex(), down: new LevelIndex(), users: 0 };
      this.rates.push(rate);
    }
    return rate;
  }

  private releaseWindow(windowMs: number): void {
    const i = this.rates.findIndex((r) => r.window.windowMs === windowMs);
    const rate = this.rates[i];
    if (rate && --rate.users === 0) this.rates.splice(i, 1);
  }
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
