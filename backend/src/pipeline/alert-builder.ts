import {
  BAR_INTERVALS,
  BAR_INTERVAL_MS,
  RULE_LIMITS,
  renderTemplate,
  type AlertExplanation,
  type BarInterval,
} from '@tradeassist/shared-types';
import { alertMessage, operandMessage, operandText, type NewAlert } from '../alerts';
import { toIso } from '../common';
import type { Firing } from '../engine';
import type { NormalizedTick } from '../market';
import type { RuleSnapshot } from '../rules';

/** A firing as the alert it becomes: the stored row with its message and explanation. */
export function buildAlert(f: Firing, rule: RuleSnapshot, tick: NormalizedTick, evaluationTimeMs: number): NewAlert {
  const explanation = explain(f, rule, tick);
  return {
    ts: f.tsMs,
    ruleId: f.ruleId,
    ruleVersion: f.ruleVersion,
    ruleName: rule.name,
    ruleType: rule.ruleType,
    ruleCondition: rule.condition,
    instrumentId: f.instrumentId,
    instrumentSymbol: tick.symbol,
    triggerValue: f.triggerValue,
    thresholdValue: f.thresholdValue,
    firedStatus: 'fired',
    deliveryStatus: 'in_app_sent',
    evaluationTimeMs,
    alertMessage: message(f, rule, tick.symbol, explanation),
    explanation,
  };
}

function explain(f: Firing, rule: RuleSnapshot, tick: NormalizedTick): AlertExplanation {
  const rate = rule.ruleType === 'rate_of_change';
  const interval = f.bar ? intervalOf(f.bar.ms) : null;
  return {
    measure: rate ? 'percent_change' : rule.ruleType === 'volume_spike' ? 'volume' : 'price',
    trigger_value: f.triggerValue,
    threshold_value: f.thresholdValue,
    price: f.evaluatedPrice ?? tick.price,
    price_source: rule.options.price_source,
    bid: tick.bid,
    ask: tick.ask,
    volume: tick.volume,
    previous_price: f.previousPrice,
    reference_price: f.referencePrice,
    window_seconds: rate ? windowSeconds(rule) : null,
    indicators: f.indicators ?? null,
    conditions: f.conditions ?? null,
    evaluated_on: f.bar ? 'bar_close' : 'tick',
    bar_interval: interval,
    bar_start: f.bar ? toIso(f.bar.startMs) : null,
  };
}

function message(f: Firing, rule: RuleSnapshot, symbol: string, x: AlertExplanation): string {
  const template = rule.options.message_template;
  if (template === null) {
    const { subject, against, conditions } = rule.options;
    const held = (f.conditions ?? []).filter((c) => c.holds).map((c) => c.label);
    const text = conditions
      ? `${symbol}: ${held.join(' and ')} (at ${x.price})`
      : subject !== null || against !== null
        ? operandMessage(symbol, rule.condition, subject, against, f.triggerValue, f.thresholdValue)
        : alertMessage(symbol, rule.condition, f.triggerValue, f.thresholdValue, windowSeconds(rule));
    return x.bar_interval ? `${text} (${x.bar_interval} bar close)` : text;
  }
  const num = (n: number | null): string => (n === null ? '' : String(Number(n.toFixed(6))));
  return renderTemplate(template, {
    symbol,
    price: num(x.price),
    threshold: num(f.thresholdValue),
    trigger_value: num(f.triggerValue),
    condition: rule.condition.replaceAll('_', ' '),
    rule_name: rule.name ?? `Rule ${f.ruleId}`,
    time: toIso(f.tsMs) ?? '',
    priority: rule.options.priority,
    previous_price: num(x.previous_price),
    reference_price: num(x.reference_price),
    volume: num(x.volume),
    subject: operandText(rule.options.subject, f.triggerValue),
    against: operandText(rule.options.against, f.thresholdValue),
  });
}

function windowSeconds(rule: RuleSnapshot): number {
  return rule.timeWindowSeconds ?? RULE_LIMITS.timeWindowSeconds.default;
}

function intervalOf(ms: number): BarInterval | null {
  return BAR_INTERVALS.find((i) => BAR_INTERVAL_MS[i] === ms) ?? null;
}
