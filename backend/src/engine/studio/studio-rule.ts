import { barStart, type RuleCondition } from '@tradeassist/shared-types';
import { isRate, Kind, toSlot, type RuleSlot } from '../rule-slot';
import type { EngineRule, EngineRuleOptions } from '../types';
import { SessionMatcher } from './session-matcher';
import { compileTree, type ConditionTree, type Needs } from './condition-tree';
import { LevelCondition } from './level-condition';
import { OperandComparison } from './operand-condition';
import type { RearmLog } from './rearm-log';
import type { StudioInstrument } from './studio-instrument';

export const PLAIN_OPTIONS: Readonly<EngineRuleOptions> = {
  subject: null,
  against: null,
  conditions: null,
  mode: 'every_time',
  barMs: 60_000,
  source: 'last',
  rearm: null,
  expiresAtMs: null,
  session: null,
};

/** A rule the floor describes entirely: the indexed engine runs it. */
export function isPlain(o: EngineRuleOptions | null | undefined): boolean {
  return (
    !o ||
    (o.subject === null &&
      o.against === null &&
      o.conditions === null &&
      o.mode === 'every_time' &&
      o.source === 'last' &&
      o.rearm === null &&
      o.expiresAtMs === null &&
      (o.session === null || o.session.kind === 'always'))
  );
}

/** Which way the price went to fire a rule of this kind: the way it must come back to re-arm (0: either). */
function firingDirection(kind: Kind): number {
  if (kind === Kind.above || kind === Kind.crossesAbove || kind === Kind.rocUp) return 1;
  if (kind === Kind.below || kind === Kind.crossesBelow || kind === Kind.rocDown) return -1;
  return 0;
}

/** A rule with options and its firing state. An edit makes a new one: hysteresis and 'once' start over. */
export class StudioRule {
  readonly slot: RuleSlot;
  readonly options: EngineRuleOptions;
  readonly condition: RuleCondition;
  readonly active: boolean;
  /** multi_condition rules: the compiled tree (its leaves keep their own state). */
  readonly tree: ConditionTree | null;
  private readonly direction: number;
  /** Bar (start) of the last firing, for once_per_bar; from the persisted last firing after a restart. */
  private firedBar: number;
  private spent = false;
  private session: SessionMatcher | null;
  private armed = true;
  private firePrice = NaN;
  private readonly rearmLog: RearmLog;
  /** Rules comparing indicators: the comparison and its state (null for floor conditions and trees). */
  readonly comparison: OperandComparison | null;
  /** The same comparison, when it can take the level path (see LevelCondition). */
  readonly level: LevelCondition | null;

  /** instrumentTimezone: where a custom session without a timezone of its own runs; rearmLog: where hysteresis changes go. */
  constructor(rule: EngineRule, previous: RuleSlot | undefined, instrumentTimezone: string, rearmLog: RearmLog) {
    this.slot = toSlot(rule, previous);
    this.options = rule.options ?? PLAIN_OPTIONS;
    this.condition = rule.condition;
    this.active = rule.active;
    this.session = SessionMatcher.of(this.options.session, instrumentTimezone);
    this.rearmLog = rearmLog;
    this.tree = this.options.conditions ? compileTree(this.options.conditions, this.options.barMs, this.options.source) : null;
    const { subject, against, barMs, source, mode, rearm } = this.options;
    const spec = { subject, against, threshold: rule.threshold, barMs, source };
    // Read on ticks of the last price, not on bar volumes: the level path can take it.
    const onTicks =
      mode !== 'once_per_bar_close' &&
      source === 'last' &&
      LevelCondition.handles(rule.condition) &&
      subject?.kind !== 'avg_volume' &&
      against?.kind !== 'avg_volume';
    this.comparison =
      this.tree || !(subject || against)
        ? null
        : onTicks
          ? new LevelCondition(spec, rule.condition, this, rearm !== null)
          : new OperandComparison(spec, rule.condition);
    this.level = this.comparison instanceof LevelCondition ? this.comparison : null;
    this.direction = firingDirection(this.slot.kind);
    this.firedBar = this.slot.lastMs > -Infinity ? barStart(this.slot.lastMs, this.options.barMs) : -Infinity;
  }

  /** Whether it is evaluated at all: active, and either a floor condition or a tree. */
  get live(): boolean {
    return this.active && (this.slot.kind !== Kind.none || this.tree !== null);
  }

  /** Points its comparisons at the instrument's series (after the instrument rebuilt them). */
  bind(s: StudioInstrument): void {
    this.comparison?.bind(s);
    this.tree?.bind(s);
  }

  /** The windows and series its condition reads. */
  needs(): Needs {
    const needs: Needs = { windowsMs: [], operands: [], closeBars: [] };
    if (this.tree) this.tree.collect(needs);
    else {
      if (isRate(this.slot.kind)) needs.windowsMs.push(this.slot.windowMs);
      if (this.options.subject) needs.operands.push(this.options.subject);
      if (this.options.against) needs.operands.push(this.options.against);
    }
    return needs;
  }

  get id(): number {
    return this.slot.id;
  }

  /** The instrument's timezone changed: its sessions without a timezone of their own follow it; firing state is kept. */
  useTimezone(instrumentTimezone: string): void {
    this.session = SessionMatcher.of(this.options.session, instrumentTimezone);
  }

  /** After a restart: the persisted state of a rule that fired and had not re-armed yet. */
  restoreDisarmed(firePrice: number): void {
    if (!this.options.rearm) return;
    this.armed = false;
    this.firePrice = firePrice;
  }

  /** Fired with re-arm hysteresis and not back yet: every tick must reach decide(), condition or not. */
  get waiting(): boolean {
    return !this.armed;
  }

  /**
   * Until when decide() refuses a firing at no cost to its state (cooldown, the bar of a
   * once_per_bar firing, once spent, expired); ts or earlier when it might fire now. Waiting to
   * re-arm is never quiet: the price may bring it back.
   */
  quietUntil(ts: number): number {
    const o = this.options;
    if (this.spent || (o.expiresAtMs !== null && ts >= o.expiresAtMs)) return Infinity;
    if (!this.armed) return -Infinity;
    const slot = this.slot;
    let until = slot.cooldownMs > 0 ? slot.lastMs + slot.cooldownMs : -Infinity;
    // A millisecond early, as barStart rounds.
    if (o.mode === 'once_per_bar' && barStart(ts, o.barMs) === this.firedBar) until = Math.max(until, this.firedBar + o.barMs - 1);
    return until;
  }

  /**
   * Applies the options to a condition result at tick (or bar close) time ts, with the price the
   * condition read; true when the rule fires, and then its state records the firing.
   */
  decide(trigger: number | null, price: number, ts: number): boolean {
    const o = this.options;
    if (this.spent || (o.expiresAtMs !== null && ts >= o.expiresAtMs)) return false;
    if (this.session && !this.session.matches(ts)) return false;
    if (!this.armed) {
      if (!this.movedBack(price)) return false;
      this.armed = true;
      this.noteRearm(ts);
    }
    if (trigger === null) return false;
    const slot = this.slot;
    if (slot.cooldownMs > 0 && ts < slot.lastMs + slot.cooldownMs) return false;
    if (o.mode === 'once_per_bar') {
      const bar = barStart(ts, o.barMs);
      if (bar === this.firedBar) return false;
      this.firedBar = bar;
    }
    slot.lastMs = ts;
    if (o.mode === 'once') this.spent = true;
    if (o.rearm) {
      this.armed = false;
      this.firePrice = price;
      this.noteRearm(ts);
    }
    return true;
  }

  private noteRearm(ts: number): void {
    this.rearmLog.note({ ruleId: this.id, version: this.slot.version, firePrice: this.armed ? null : this.firePrice, atMs: ts });
  }

  private movedBack(price: number): boolean {
    const rearm = this.options.rearm;
    if (!rearm) return true;
    const by = rearm.percent ? (Math.abs(this.firePrice) * rearm.by) / 100 : rearm.by;
    if (this.direction > 0) return price <= this.firePrice - by;
    if (this.direction < 0) return price >= this.firePrice + by;
    return Math.abs(price - this.firePrice) >= by;
  }
}
