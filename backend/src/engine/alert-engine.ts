import { InstrumentBook } from './instrument-book';
import { seedState, toSlot, type RuleSlot } from './rule-slot';
import type { EngineRule, EngineTick, Firing } from './types';

/**
 * The rule engine: pure, synchronous, in memory. Rules are indexed per instrument so a tick costs
 * a few binary searches plus the rules it actually fires, whatever the number of rules.
 */
export class AlertEngine {
  private readonly books = new Map<number, InstrumentBook>();
  private readonly slots = new Map<number, RuleSlot>();

  get ruleCount(): number {
    return this.slots.size;
  }

  hasRule(ruleId: number): boolean {
    return this.slots.has(ruleId);
  }

  /** Adds or replaces a rule; an edit takes effect on the instrument's next tick. */
  upsertRule(rule: EngineRule): void {
    const existing = this.slots.get(rule.id);
    if (existing) this.book(existing.instrumentId).remove(existing);
    const slot = toSlot(rule, existing);
    if (existing) existing.generation++;
    this.slots.set(rule.id, slot);
    if (slot.kind !== 'none') this.book(rule.instrumentId).add(slot);
  }

  removeRule(ruleId: number): void {
    const slot = this.slots.get(ruleId);
    if (!slot) return;
    slot.generation++;
    this.book(slot.instrumentId).remove(slot);
    this.slots.delete(ruleId);
  }

  /** Restores what a restart would otherwise forget: the previous price (for crossings) and the last tick time. */
  seedInstrument(instrumentId: number, lastPrice: number | null, lastTsMs: number | null): void {
    seedState(this.book(instrumentId), lastPrice, lastTsMs);
  }

  /** Appends the tick's firings (ordered by rule id) to out; returns their count, or LATE. */
  evaluate(tick: EngineTick, out: Firing[]): number {
    return this.book(tick.instrumentId).evaluate(tick, out);
  }

  private book(instrumentId: number): InstrumentBook {
    let book = this.books.get(instrumentId);
    if (!book) {
      book = new InstrumentBook(instrumentId);
      this.books.set(instrumentId, book);
    }
    return book;
  }
}
