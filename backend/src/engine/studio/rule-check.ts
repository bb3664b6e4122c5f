import { floorTrigger } from '../floor-predicate';
import { isRate } from '../rule-slot';
import type { Firing } from '../types';
import type { LeafResult } from './condition-tree';
import type { LevelCondition } from './level-condition';
import type { StudioInstrument } from './studio-instrument';
import type { StudioRule } from './studio-rule';

/** One rule at one moment: its condition (floor predicate, or operands), then its options; appends the firing. */
export function checkRule(
  s: StudioInstrument,
  r: StudioRule,
  p: number,
  prev: number,
  volume: number,
  ts: number,
  atClose: boolean,
  out: Firing[],
  bar: Firing['bar'],
): void {
  if (r.tree) {
    const leaves: LeafResult[] = [];
    const ok = r.tree.evaluate({ s, price: p, prev, volume, atClose }, leaves);
    // The first leaf that holds stands for the tree: its value and what it was compared with.
    const lead = leaves.find((l) => l.holds);
    if (r.decide(ok && lead ? lead.value : null, p, ts) && lead) {
      out.push({ ...firing(r, ts, lead.value, p, prev, null, bar), thresholdValue: lead.against, conditions: leaves });
    }
    return;
  }
  const comparison = r.comparison;
  if (comparison) {
    const ok = comparison.evaluate(p, atClose);
    if (r.decide(ok ? comparison.subject : null, p, ts)) {
      out.push({
        ...firing(r, ts, comparison.subject, p, prev, null, bar),
        thresholdValue: comparison.against,
        indicators: comparison.indicators(),
      });
    }
    return;
  }
  const ref = isRate(r.slot.kind) ? s.reference(r.options.source, r.slot.windowMs) : null;
  const trigger = floorTrigger(r.slot.kind, r.slot.threshold, p, prev === prev ? prev : null, volume, ref);
  if (r.decide(trigger, p, ts)) out.push(firing(r, ts, trigger as number, p, prev, ref, bar));
}

/** A level-path rule on a tick: what checkRule() does for its comparison, the side taken from the regions when the price is in one. */
export function readLevel(s: StudioInstrument, level: LevelCondition, p: number, ts: number, out: Firing[]): void {
  if (p !== p) return;
  const holds = level.step(level.sideAt(p));
  if (level.waits || (holds && !level.quietAt(ts))) decideLevel(level, holds, p, s.prevLast, ts, out);
}

/**
 * A level-path reading that holds, or whose rule waits to re-arm (armed, a rule whose condition
 * does not hold gets nothing from decide()): the rule decides, and may fire. prev: the previous
 * last price, for the firing.
 */
export function decideLevel(level: LevelCondition, holds: boolean, p: number, prev: number, ts: number, out: Firing[]): void {
  const r = level.rule;
  if (holds) level.readAt(p);
  const fired = r.decide(holds ? level.subject : null, p, ts);
  level.decided(ts);
  if (fired) {
    // Built in place rather than spread: the same fields in the same order, one object fewer.
    const f = firing(r, ts, level.subject, p, prev, null, undefined);
    f.thresholdValue = level.against;
    f.indicators = level.indicators();
    out.push(f);
  }
}

function firing(r: StudioRule, ts: number, trigger: number, price: number, prev: number, ref: number | null, bar: Firing['bar']): Firing {
  return {
    ruleId: r.id,
    ruleVersion: r.slot.version,
    instrumentId: r.slot.instrumentId,
    tsMs: ts,
    triggerValue: trigger,
    thresholdValue: r.slot.threshold,
    previousPrice: prev === prev ? prev : null,
    referencePrice: ref,
    evaluatedPrice: price,
    ...(bar && { bar }),
  };
}
