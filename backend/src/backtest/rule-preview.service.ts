import { Injectable } from '@nestjs/common';
import {
  BAR_INTERVAL_MS,
  operandLabel,
  PREVIEW_LIMITS,
  type ConditionNode,
  type Operand,
  type PreviewLine,
  type RuleFields,
  type RulePreview,
} from '@tradeassist/shared-types';
import { toIso, ValidationFailedError } from '../common';
import { operandCalculator, SlidingWindow, warmUpBars } from '../engine';
import { TickHistory, type HistoryBar } from '../market';
import { engineRuleOf, RulesService } from '../rules';
import type { RulePreviewDto } from './dto/rule-preview.dto';

/** Where an operand is drawn: averages and bands on the price, oscillators on their own scale, volumes on the volume scale. */
function axisOf(o: Operand): PreviewLine['axis'] {
  if (o.kind === 'sma' || o.kind === 'ema' || o.kind === 'bollinger') return 'price';
  return o.kind === 'avg_volume' ? 'volume' : 'indicator';
}

/** An operand's value at each bar close, computed by the engine's own indicators (null until defined). */
function operandLine(o: Operand, bars: HistoryBar[]): PreviewLine {
  const values: (number | null)[] = [];
  if (o.kind === 'avg_volume') {
    const window = new SlidingWindow(o.bars);
    for (const b of bars) {
      values.push(window.full ? o.factor * window.mean : null);
      window.push(b.volume);
    }
  } else {
    const calc = operandCalculator(o);
    for (const b of bars) {
      calc.update(b.close);
      const v = calc.value;
      values.push(Number.isFinite(v) ? v : null);
    }
  }
  return { label: operandLabel(o), axis: axisOf(o), values };
}

const level = (label: string, value: number, axis: PreviewLine['axis'], n: number): PreviewLine => ({
  label,
  axis,
  values: new Array<number>(n).fill(value),
});

/** The lines one condition draws: its operands, or its level where it compares with the threshold. */
function conditionLines(
  c: { rule_type: string; threshold: number; subject?: Operand | null; against?: Operand | null },
  bars: HistoryBar[],
): PreviewLine[] {
  const lines: PreviewLine[] = [];
  const n = bars.length;
  if (c.subject) lines.push(operandLine(c.subject, bars));
  if (c.against) {
    if (c.against.kind === 'avg_volume') lines.push({ label: 'bar volume', axis: 'volume', values: bars.map((b) => b.volume) });
    lines.push(operandLine(c.against, bars));
  } else if (c.rule_type === 'threshold' || c.rule_type === 'crossover') {
    lines.push(level(`level ${c.threshold}`, c.threshold, c.subject ? axisOf(c.subject) : 'price', n));
  }
  return lines;
}

function treeLines(node: ConditionNode, bars: HistoryBar[]): PreviewLine[] {
  switch (node.kind) {
    case 'all':
    case 'any':
      return node.of.flatMap((c) => treeLines(c, bars));
    case 'rule':
      return conditionLines(node, bars);
    case 'channel':
      return [
        level(`channel lower ${node.lower}`, node.lower, 'price', bars.length),
        level(`channel upper ${node.upper}`, node.upper, 'price', bars.length),
      ];
    case 'move':
      return [];
  }
}

/** A rule drawn over its instrument's latest bars: the prices, and the levels and indicator lines it compares. */
@Injectable()
export class RulePreviewService {
  constructor(
    private readonly rules: RulesService,
    private readonly history: TickHistory,
  ) {}

  async preview(dto: RulePreviewDto): Promise<RulePreview> {
    let rule: RuleFields;
    try {
      rule = this.rules.checked(dto.rule);
    } catch (error) {
      if (error instanceof ValidationFailedError)
        throw new ValidationFailedError(error.items.map((i) => ({ ...i, loc: ['body', 'rule', ...i.loc.slice(1)] })));
      throw error;
    }
    const count = dto.bars ?? PREVIEW_LIMITS.defaultBars;
    // The indicators are computed from as far back as the live engine primes them, then the latest `count` bars drawn.
    const options = engineRuleOf(0, 1, rule, null).options;
    const warmUp = options ? warmUpBars(options) : 0;
    const all = await this.history.recentBars(rule.instrument_id, BAR_INTERVAL_MS[rule.bar_interval], count + warmUp);
    const from = Math.max(0, all.length - count);
    const lines = rule.conditions ? treeLines(rule.conditions, all) : conditionLines(rule, all);
    // Identical lines (two leaves on the same level or indicator) are drawn once.
    const unique = lines.filter((l, i) => lines.findIndex((m) => m.label === l.label) === i);
    return {
      interval: rule.bar_interval,
      bars: all
        .slice(from)
        .map((b) => ({ start: toIso(b.startMs) ?? '', open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume })),
      lines: unique.map((l) => ({ ...l, values: l.values.slice(from) })),
    };
  }
}
