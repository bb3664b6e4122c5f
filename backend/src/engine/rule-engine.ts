import { AlertEngine } from './alert-engine';
import { isPlain } from './studio/studio-rule';
import type { RearmState } from './studio/rearm-log';
import { StudioEngine } from './studio/studio-engine';
import { LATE, type EngineRule, type EngineTick, type Firing } from './types';

/**
 * Every rule, each in the engine made for it: plain floor rules in the indexed AlertEngine, rules
 * with options in the StudioEngine. A rule moves between them when an edit adds or drops options.
 */
export class RuleEngine {
  private readonly indexed = new AlertEngine();
  private readonly studio = new StudioEngine();

  get ruleCount(): number {
    return this.indexed.ruleCount + this.studio.ruleCount;
  }

  upsertRule(rule: EngineRule): void {
    if (isPlain(rule.options)) {
      this.studio.removeRule(rule.id);
      this.indexed.upsertRule(rule);
    } else {
      this.indexed.removeRule(rule.id);
      this.studio.upsertRule(rule);
    }
  }

  removeRule(ruleId: number): void {
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
    this.studio.restoreDisarmed(ruleId, firePrice);
  }

  /** Hysteresis changes since the last call, the latest per rule, to persist (see RearmState). */
  takeRearmChanges(): RearmState[] {
    return this.studio.takeRearmChanges();
  }

  /** Appends the tick's firings, in time then rule id order; returns their count or LATE (both engines see every tick, so they agree on lateness). */
  evaluate(tick: EngineTick, out: Firing[]): number {
    const start = out.length;
    const n = this.indexed.evaluate(tick, out);
    if (n === LATE) return LATE;
    const m = this.studio.evaluate(tick, out);
    if (m === LATE) throw new Error(`engines disagree on whether a tick of instrument ${tick.instrumentId} is late`);
    if (n > 0 && m > 0) {
      const mine = out.splice(start).sort((a, b) => a.tsMs - b.tsMs || a.ruleId - b.ruleId);
      out.push(...mine);
    }
    return n + m;
  }
}
