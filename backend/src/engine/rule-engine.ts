import { AlertEngine } from './alert-engine';
import { FOLD_DUE, QUIET } from './book-table';
import { isPlain } from './studio/studio-rule';
import type { PrimingBar } from './studio/priming';
import type { RearmState } from './studio/rearm-log';
import { StudioEngine } from './studio/studio-engine';
import { LATE, type EngineRule, type EngineTick, type Firing } from './types';

/**
 * Every rule, each in the engine made for it: plain floor rules in the indexed AlertEngine, rules
 * with options in the StudioEngine. A rule moves between them when an edit adds or drops options.
 *
 * The indexed engine sees each tick first. Where nothing but the level gate reads an instrument's
 * ticks in the studio, the studio folds that gate into the indexed engine's fast path: a tick that
 * path takes (QUIET) has nothing to do in either engine and stops there, unless it carries a bid or
 * an ask, which the studio keeps; so does a tick the book has work for (a firing, a window to renew)
 * while the folded bounds pass it. Before anything else reaches such an instrument in the studio, it
 * catches up with the last price of the ticks it skipped.
 */
export class RuleEngine {
  private readonly indexed = new AlertEngine();
  private readonly studio: StudioEngine;

  /** fold: false keeps every tick going to both engines, levels: false turns the studio's level path off (the references they are tested against). */
  constructor(options: { fold?: boolean; levels?: boolean } = {}) {
    const fold = options.fold ?? true;
    this.studio = new StudioEngine({
      levels: options.levels,
      ...(fold && { fold: (id: number, from: number, to: number, until: number) => this.indexed.fold(id, from, to, until) }),
    });
  }

  get ruleCount(): number {
    return this.indexed.ruleCount + this.studio.ruleCount;
  }

  /**
   * Adds or replaces a rule; an edit takes effect on the instrument's next tick. history: the
   * instrument's latest stored bars of the rule's length, oldest first (primingBars says how many),
   * for the indicators the rule brings to start warm rather than from nothing.
   */
  upsertRule(rule: EngineRule, history?: readonly PrimingBar[]): void {
    this.catchUp(this.studio.instrumentOf(rule.id));
    this.catchUp(rule.instrumentId);
    if (isPlain(rule.options)) {
      this.studio.removeRule(rule.id);
      this.indexed.upsertRule(rule);
    } else {
      this.indexed.removeRule(rule.id);
      this.studio.upsertRule(rule, history);
    }
  }

  removeRule(ruleId: number): void {
    this.catchUp(this.studio.instrumentOf(ruleId));
    this.indexed.removeRule(ruleId);
    this.studio.removeRule(ruleId);
  }

  seedInstrument(instrumentId: number, lastPrice: number | null, lastTsMs: number | null): void {
    this.indexed.seedInstrument(instrumentId, lastPrice, lastTsMs);
    this.studio.seedInstrument(instrumentId, lastPrice, lastTsMs);
  }

  /** The instrument's IANA timezone, for custom sessions that name none (indexed rules have no session). */
  setTimezone(instrumentId: number, timezone: string): void {
    this.studio.setTimezone(instrumentId, timezone);
  }

  /** After a restart: a rule with re-arm hysteresis that fired at firePrice and had not re-armed (only options rules have one). */
  restoreDisarmed(ruleId: number, firePrice: number): void {
    this.catchUp(this.studio.instrumentOf(ruleId));
    this.studio.restoreDisarmed(ruleId, firePrice);
  }

  /** Hysteresis changes since the last call, the latest per rule, to persist (see RearmState). */
  takeRearmChanges(): RearmState[] {
    return this.studio.takeRearmChanges();
  }

  /**
   * Appends the tick's firings, in time then rule id order; returns their count or LATE. The
   * indexed engine judges lateness: the studio has seen no later tick than it, so it agrees.
   */
  evaluate(tick: EngineTick, out: Firing[]): number {
    const start = out.length;
    let n = this.indexed.step(tick, out);
    if (n === LATE) return LATE;
    const id = tick.instrumentId;
    if (n === QUIET) {
      if (tick.bid == null && tick.ask == null && this.studio.folds(id)) return 0;
      n = 0;
    } else if (n === FOLD_DUE) {
      n = 0;
    } else if (this.indexed.foldPassed && tick.bid == null && tick.ask == null && this.studio.folds(id)) {
      // The book had work of its own, but the studio's folded bounds pass the tick: as QUIET, the studio has none.
      return n;
    }
    this.studio.catchUp(id, this.indexed.prevSeen);
    const m = this.studio.evaluate(tick, out);
    if (m === LATE) throw new Error(`engines disagree on whether a tick of instrument ${tick.instrumentId} is late`);
    if (n > 0 && m > 0) {
      const mine = out.splice(start).sort((a, b) => a.tsMs - b.tsMs || a.ruleId - b.ruleId);
      out.push(...mine);
    }
    return n + m;
  }

  /** The studio's state of an instrument brought up to the last price its skipped ticks left. */
  private catchUp(instrumentId: number | undefined): void {
    if (instrumentId !== undefined) this.studio.catchUp(instrumentId, this.indexed.lastPrice(instrumentId));
  }
}
