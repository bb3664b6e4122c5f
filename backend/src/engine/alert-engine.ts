import { BookTable, FOLD_DUE, QUIET } from './book-table';
import { Kind, toSlot, type RuleSlot } from './rule-slot';
import type { EngineRule, EngineTick, Firing } from './types';

/**
 * The rule engine: pure, synchronous, in memory. Rules are indexed per instrument so a tick costs
 * a few comparisons plus the rules it actually fires, whatever the number of rules.
 */
export class AlertEngine {
  private readonly books = new BookTable();
  private readonly slots = new Map<number, RuleSlot>();

  get ruleCount(): number {
    return this.slots.size;
  }

  hasRule(ruleId: number): boolean {
    return this.slots.has(ruleId);
  }

  /** Adds or replaces a rule; an edit takes effect on the instrument's next tick. Inactive rules are kept out of the index. */
  upsertRule(rule: EngineRule): void {
    const existing = this.slots.get(rule.id);
    if (existing) this.unindex(existing);
    const slot = toSlot(rule, existing);
    this.slots.set(rule.id, slot);
    if (slot.kind !== Kind.none) this.books.book(rule.instrumentId).add(slot);
  }

  removeRule(ruleId: number): void {
    const slot = this.slots.get(ruleId);
    if (!slot) return;
    this.unindex(slot);
    this.slots.delete(ruleId);
  }

  /** Restores what a restart would otherwise forget: the previous price (for crossings) and the last tick time (for late ticks). */
  seedInstrument(instrumentId: number, lastPrice: number | null, lastTsMs: number | null): void {
    this.books.book(instrumentId).seed(lastPrice, lastTsMs);
  }

  /** Appends the tick's firings (ordered by rule id) to out; returns their count, or LATE (state unchanged). */
  evaluate(tick: EngineTick, out: Firing[]): number {
    const n = this.books.evaluate(tick, out);
    return n === QUIET || n === FOLD_DUE ? 0 : n;
  }

  /**
   * As evaluate(), but QUIET for a tick the fast path took: nothing fired, and nothing the folded
   * bounds stand for can (see fold); FOLD_DUE when only the folded bounds stopped it (nothing fired).
   */
  step(tick: EngineTick, out: Firing[]): number {
    return this.books.evaluate(tick, out);
  }

  /** The instrument's previous price as the last step() found it, before that tick replaced it (NaN: none). */
  get prevSeen(): number {
    return this.books.prevSeen;
  }

  /** After step() returned a count: whether the folded bounds passed the tick (see BookTable.foldPassed). */
  get foldPassed(): boolean {
    return this.books.foldPassed;
  }

  /** The instrument's last evaluated (or seeded) price; NaN without one. */
  lastPrice(instrumentId: number): number {
    return this.books.lastPrice(instrumentId);
  }

  /** Folds another engine's bounds into the instrument's fast path: price in [lo, hi] before tick time due (see BookTable.fold). */
  fold(instrumentId: number, lo: number, hi: number, due: number): void {
    this.books.fold(instrumentId, lo, hi, due);
  }

  private unindex(slot: RuleSlot): void {
    if (slot.kind !== Kind.none) this.books.book(slot.instrumentId).remove(slot);
  }
}
