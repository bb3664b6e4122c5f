import { operandLabel, type ConditionNode, type Operand, type PriceSource, type RuleCondition } from '@tradeassist/shared-types';
import { floorTrigger } from '../floor-predicate';
import { isRate, kindOf, windowMsOf, type Kind } from '../rule-slot';
import { OperandComparison } from './operand-condition';
import type { StudioInstrument } from './studio-instrument';

/** One moment a tree is evaluated at: the price its rule reads, the previous one, the tick's (or bar's) volume. */
export interface Moment {
  s: StudioInstrument;
  price: number;
  prev: number;
  volume: number;
  atClose: boolean;
}

/** How one leaf stood when the tree was evaluated (what an explanation lists). */
export interface LeafResult {
  label: string;
  holds: boolean;
  value: number;
  against: number;
}

/** What a leaf needs kept for it: rate windows and bar series. */
export interface Needs {
  windowsMs: number[];
  operands: Operand[];
  closeBars: number[];
}

interface Node {
  evaluate(m: Moment, out: LeafResult[]): boolean;
  collect(needs: Needs): void;
  bind(s: StudioInstrument): void;
}

const VERB: Partial<Record<RuleCondition, string>> = {
  above: 'above',
  below: 'below',
  equals: 'equals',
  crosses_above: 'crosses above',
  crosses_below: 'crosses below',
  percent_change_up: 'up % ≥',
  percent_change_down: 'down % ≥',
  volume_above: 'above',
};

class Group implements Node {
  constructor(
    private readonly every: boolean,
    private readonly children: Node[],
  ) {}

  // Every child is evaluated each time (no short cut): crossings keep their previous reading current.
  evaluate(m: Moment, out: LeafResult[]): boolean {
    const results = this.children.map((c) => c.evaluate(m, out));
    return this.every ? results.every(Boolean) : results.some(Boolean);
  }

  collect(needs: Needs): void {
    for (const c of this.children) c.collect(needs);
  }

  bind(s: StudioInstrument): void {
    for (const c of this.children) c.bind(s);
  }
}

class RuleLeaf implements Node {
  private readonly kind: Kind;
  private readonly windowMs: number;
  private readonly comparison: OperandComparison | null;
  private readonly label: string;

  constructor(
    private readonly n: Extract<ConditionNode, { kind: 'rule' }>,
    private readonly barMs: number,
    private readonly source: PriceSource,
  ) {
    const asRule = { ruleType: n.rule_type, condition: n.condition, active: true, timeWindowSeconds: n.time_window_seconds ?? null };
    this.kind = kindOf(asRule as Parameters<typeof kindOf>[0]);
    this.windowMs = windowMsOf(asRule as Parameters<typeof windowMsOf>[0]);
    const left = n.subject ? operandLabel(n.subject) : n.rule_type === 'volume_spike' ? 'volume' : 'price';
    this.label = `${left} ${VERB[n.condition] ?? n.condition} ${n.against ? operandLabel(n.against) : n.threshold}`;
    this.comparison =
      n.subject || n.against
        ? new OperandComparison(
            { subject: n.subject ?? null, against: n.against ?? null, threshold: n.threshold, barMs, source },
            n.condition,
          )
        : null;
  }

  evaluate(m: Moment, out: LeafResult[]): boolean {
    const n = this.n;
    const c = this.comparison;
    if (c) {
      const ok = c.evaluate(m.price, m.atClose);
      out.push({ label: this.label, holds: ok, value: c.subject, against: c.against });
      return ok;
    }
    const ref = isRate(this.kind) ? m.s.reference(this.source, this.windowMs) : null;
    const trigger = floorTrigger(this.kind, n.threshold, m.price, m.prev === m.prev ? m.prev : null, m.volume, ref);
    out.push({
      label: this.label,
      holds: trigger !== null,
      value: trigger ?? (n.rule_type === 'volume_spike' ? m.volume : m.price),
      against: n.threshold,
    });
    return trigger !== null;
  }

  bind(s: StudioInstrument): void {
    this.comparison?.bind(s);
  }

  collect(needs: Needs): void {
    if (isRate(this.kind)) needs.windowsMs.push(this.windowMs);
    if (this.n.subject) needs.operands.push(this.n.subject);
    if (this.n.against) needs.operands.push(this.n.against);
  }
}

class ChannelLeaf implements Node {
  private readonly label: string;

  constructor(private readonly n: Extract<ConditionNode, { kind: 'channel' }>) {
    this.label = `channel ${n.op} ${n.lower}–${n.upper}`;
  }

  evaluate(m: Moment, out: LeafResult[]): boolean {
    const { lower, upper, op } = this.n;
    const inside = (p: number): boolean => p >= lower && p <= upper;
    const had = m.prev === m.prev;
    const ok =
      op === 'inside'
        ? inside(m.price)
        : op === 'outside'
          ? !inside(m.price)
          : op === 'enter'
            ? had && !inside(m.prev) && inside(m.price)
            : had && inside(m.prev) && !inside(m.price);
    out.push({
      label: this.label,
      holds: ok,
      value: m.price,
      against: Math.abs(m.price - lower) <= Math.abs(m.price - upper) ? lower : upper,
    });
    return ok;
  }

  collect(): void {
    // Reads only the price and the previous price.
  }

  bind(): void {
    // Nothing to bind.
  }
}

class MoveLeaf implements Node {
  private readonly label: string;

  constructor(
    private readonly n: Extract<ConditionNode, { kind: 'move' }>,
    private readonly barMs: number,
    private readonly source: PriceSource,
  ) {
    const size = n.unit === 'percent' ? `${n.by} %` : String(n.by);
    this.label = `${n.direction} ${size} within ${n.within_seconds !== undefined ? `${n.within_seconds} s` : `${n.within_bars} bars`}`;
  }

  evaluate(m: Moment, out: LeafResult[]): boolean {
    const n = this.n;
    const ref =
      n.within_seconds !== undefined
        ? (m.s.reference(this.source, n.within_seconds * 1000) ?? NaN)
        : (m.s.closeHistoryOf(n.within_bars ?? 1, this.barMs, this.source)?.reference(m.atClose) ?? NaN);
    const change = n.unit === 'value' ? m.price - ref : ref === 0 ? NaN : ((m.price - ref) / Math.abs(ref)) * 100;
    const signed = n.direction === 'up' ? change : -change;
    const ok = signed >= n.by;
    out.push({ label: this.label, holds: ok, value: change, against: n.direction === 'up' ? n.by : -n.by });
    return ok;
  }

  bind(): void {
    // Reads windows and close histories by key, through the moment's instrument.
  }

  collect(needs: Needs): void {
    if (this.n.within_seconds !== undefined) needs.windowsMs.push(this.n.within_seconds * 1000);
    else needs.closeBars.push(this.n.within_bars ?? 1);
  }
}

/** Builds a rule's tree once; its leaves keep their own state (previous readings) from then on. */
export function compileTree(node: ConditionNode, barMs: number, source: PriceSource): Node {
  switch (node.kind) {
    case 'all':
    case 'any':
      return new Group(
        node.kind === 'all',
        node.of.map((c) => compileTree(c, barMs, source)),
      );
    case 'rule':
      return new RuleLeaf(node, barMs, source);
    case 'channel':
      return new ChannelLeaf(node);
    case 'move':
      return new MoveLeaf(node, barMs, source);
  }
}

export type ConditionTree = Node;
