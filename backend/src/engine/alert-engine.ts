import { InstrumentBook } from './instrument-book';
import { Kind, toSlot, type RuleSlot } from './rule-slot';
import type { EngineRule, EngineTick, Firing } from './types';

/** Instrument ids below this (database ids in practice) find their book by array index rather than by hashing. */
const DENSE_IDS = 1 << 16;

/**
 * The rule engine: pure, synchronous, in memory. Rules are indexed per instrument so a tick costs
 * a few comparisons plus the rules it actually fires, whatever the number of rules.
 */
export class AlertEngine {
  private readonly dense: (InstrumentBook | null)[] = [];
  private readonly sparse = new Map<number, InstrumentBook>();
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
    if (slot.kind !== Kind.none) this.book(rule.instrumentId).add(slot);
  }

  removeRule(ruleId: number): void {
    const slot = this.slots.get(ruleId);
    if (!slot) return;
    this.unindex(slot);
    this.slots.delete(ruleId);
  }

  /** Restores what a restart would otherwise forget: the previous price (for crossings) and the last tick time (for late ticks). */
  seedInstrument(instrumentId: number, lastPrice: number | null, lastTsMs: number | null): void {
    this.book(instrumentId).seed(lastPrice, lastTsMs);
  }

  /** Appends the tick's firings (ordered by rule id) to out; returns their count, or LATE (state unchanged). */
  evaluate(tick: EngineTick, out: Firing[]): number {
    const id = tick.instrumentId;
    const book = (id >>> 0 === id && id < this.dense.length ? this.dense[id] : this.sparse.get(id)) ?? this.book(id);
    return book.evaluate(tick, out);
  }

  private unindex(slot: RuleSlot): void {
    if (slot.kind !== Kind.none) this.book(slot.instrumentId).remove(slot);
  }

  private book(instrumentId: number): InstrumentBook {
    const dense = instrumentId >>> 0 === instrumentId && instrumentId < DENSE_IDS;
    let book = dense ? this.dense[instrumentId] : this.sparse.get(instrumentId);
    if (!book) {
      book = new InstrumentBook(instrumentId);
      if (dense) {
        // Filled with null rather than left with holes, so the array stays packed and fast to index.
        while (this.dense.length <= instrumentId) this.dense.push(null);
        this.dense[instrumentId] = book;
      } else {
        this.sparse.set(instrumentId, book);
      }
    }
    return book;
  }
}
