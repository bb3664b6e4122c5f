import { Injectable, Logger } from '@nestjs/common';
import { primingBars, RuleEngine, type EngineRule, type EngineTick, type Firing, type PrimingBar, type RearmState } from '../engine';
import type { RuleOptions } from '@tradeassist/shared-types';
import { InstrumentsService, TickHistory } from '../market';
import type { AlertRuleEntity } from './entities/alert-rule.entity';
import { snapshotOf, toEngineRule, toRuleFields } from './rule.mapper';

export interface RuleSnapshot {
  instrumentId: number;
  name: string | null;
  ruleType: AlertRuleEntity['ruleType'];
  condition: AlertRuleEntity['condition'];
  timeWindowSeconds: number | null;
  options: RuleOptions;
  /** Who gets its notifications. */
  ownerId: number | null;
}

/**
 * Hosts the pure RuleEngine inside Nest: holds the live rule set, applies edits so they take
 * effect on the next tick, and keeps the descriptive fields a firing record needs.
 *
 * A rule with indicators is applied with its instrument's latest stored bars, so that they start
 * warm (an RSI(14) reads at once what it would have read had the engine been running, not 15
 * bars later; after a restart too). Reading the bars is asynchronous, so changes are queued and
 * reach the engine in the order they were asked for: an edit never lands before an earlier one.
 */
@Injectable()
export class RuleEngineService {
  private readonly logger = new Logger(RuleEngineService.name);
  private readonly engine = new RuleEngine();
  private readonly snapshots = new Map<number, RuleSnapshot>();
  /** The last queued change: the next one runs after it. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly instruments: InstrumentsService,
    private readonly history: TickHistory,
  ) {
    instruments.events.on('timezone', (instrumentId, timezone) => this.engine.setTimezone(instrumentId, timezone));
  }

  /** At boot: the instruments' last prices and timezones, then every rule (primed) with its persisted firing state. */
  async load(rules: AlertRuleEntity[]): Promise<void> {
    for (const instrument of this.instruments.active()) {
      this.engine.seedInstrument(instrument.id, instrument.lastPrice, instrument.lastTick);
    }
    for (const instrument of this.instruments.list()) this.engine.setTimezone(instrument.id, instrument.timezone);
    // One read per instrument and bar length, of as many bars as its rules need.
    const engineRules = rules.map(toEngineRule);
    const needs = new Map<string, { rule: EngineRule; bars: number }>();
    for (const r of engineRules) {
      const bars = primingBars(r);
      const key = historyKey(r);
      if (bars > (needs.get(key)?.bars ?? 0)) needs.set(key, { rule: r, bars });
    }
    const read = new Map(await Promise.all([...needs].map(async ([key, n]) => [key, await this.barsFor(n.rule, n.bars)] as const)));
    await this.enqueue(() => {
      rules.forEach((rule, i) => {
        const r = engineRules[i] as EngineRule;
        this.applyNow(rule, r, read.get(historyKey(r)));
        if (rule.rearmPrice !== null) this.engine.restoreDisarmed(rule.id, rule.rearmPrice);
      });
    });
  }

  /** Adds or replaces the rule in the engine; resolves once it is there (after its bars are read, when it has indicators). */
  apply(rule: AlertRuleEntity): Promise<void> {
    const r = toEngineRule(rule);
    const bars = this.barsFor(r, primingBars(r));
    return this.enqueue(async () => this.applyNow(rule, r, await bars));
  }

  remove(ruleId: number): Promise<void> {
    return this.enqueue(() => {
      this.engine.removeRule(ruleId);
      this.snapshots.delete(ruleId);
    });
  }

  private applyNow(rule: AlertRuleEntity, engineRule: EngineRule, history: PrimingBar[] | undefined): void {
    this.engine.upsertRule(engineRule, history);
    this.snapshots.set(rule.id, snapshotOf(toRuleFields(rule), rule.ownerId));
  }

  /** Runs the change after every change asked for before it; a failed one does not stop those after it. */
  private enqueue(change: () => void | Promise<void>): Promise<void> {
    const step = this.queue.then(change);
    this.queue = step.catch(() => undefined);
    return step;
  }

  /** The latest `count` stored bars of the rule's length (none to read: undefined); a rule whose bars cannot be read starts cold. */
  private async barsFor(rule: EngineRule, count: number): Promise<PrimingBar[] | undefined> {
    if (count === 0 || !rule.options) return undefined;
    try {
      return await this.history.recentBars(rule.instrumentId, rule.options.barMs, count);
    } catch (error) {
      this.logger.warn({ message: "Stored bars unreadable: the rule's indicators start without history", rule: rule.id, error });
      return undefined;
    }
  }

  /** Hot path: appends firings to out; returns their count or LATE. */
  evaluate(tick: EngineTick, out: Firing[]): number {
    return this.engine.evaluate(tick, out);
  }

  /** Hysteresis changes since the last call, for RearmStore.save. */
  takeRearmChanges(): RearmState[] {
    return this.engine.takeRearmChanges();
  }

  snapshot(ruleId: number): RuleSnapshot | undefined {
    return this.snapshots.get(ruleId);
  }

  ruleIdsOf(instrumentId: number): number[] {
    return [...this.snapshots].filter(([, s]) => s.instrumentId === instrumentId).map(([id]) => id);
  }

  get ruleCount(): number {
    return this.snapshots.size;
  }
}

function historyKey(r: EngineRule): string {
  return `${r.instrumentId}/${r.options?.barMs ?? 0}`;
}
