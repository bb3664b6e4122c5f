import type { ConditionNode, Operand } from '@tradeassist/shared-types';
import type { EngineRule, EngineRuleOptions } from '../types';

/** A stored bar a rule's indicators are primed with (TickHistory's bars have these fields and more). */
export interface PrimingBar {
  startMs: number;
  close: number;
  volume: number;
}

/** The most bars a rule is primed with: a 200-bar EMA would ask for more. */
export const MAX_PRIMING_BARS = 1000;

/**
 * How many bars an operand needs to read as it would after running for a long time: a simple
 * average or band, its period; one with memory (EMA, MACD, Wilder's RSI), enough periods for the
 * weight of its seed to fall below e^-8 (EMA: (1 − 2/(n+1))^5n; RSI: (1 − 1/n)^10n).
 */
function operandBars(o: Operand): number {
  switch (o.kind) {
    case 'sma':
    case 'bollinger':
      return o.period;
    case 'ema':
      return 5 * o.period;
    case 'rsi':
      return 10 * o.period;
    case 'macd':
      return 5 * (o.slow + o.signal);
    case 'avg_volume':
      return o.bars + 1;
  }
}

function nodeBars(node: ConditionNode): number {
  switch (node.kind) {
    case 'all':
    case 'any':
      return Math.max(0, ...node.of.map(nodeBars));
    case 'rule':
      return Math.max(node.subject ? operandBars(node.subject) : 0, node.against ? operandBars(node.against) : 0);
    case 'move':
      return node.within_bars !== undefined ? node.within_bars + 1 : 0;
    case 'channel':
      return 0;
  }
}

/** How many bars the indicators of a rule with these options need to read as they would after a long run (at most MAX_PRIMING_BARS). */
export function warmUpBars(o: EngineRuleOptions): number {
  const bars = o.conditions
    ? nodeBars(o.conditions)
    : Math.max(o.subject ? operandBars(o.subject) : 0, o.against ? operandBars(o.against) : 0);
  return Math.min(MAX_PRIMING_BARS, bars);
}

/**
 * How many of its instrument's latest stored bars (of its bar length) a rule's series should be
 * primed with when it is loaded, so that its indicators read at once what they would have read had
 * the engine been running: 0 when it reads none, is inactive, or reads bid, ask or mid (bars are of
 * last prices).
 */
export function primingBars(rule: EngineRule): number {
  const o = rule.options;
  return !o || !rule.active || o.source !== 'last' ? 0 : warmUpBars(o);
}
