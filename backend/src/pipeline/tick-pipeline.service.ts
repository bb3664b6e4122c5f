import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { RULE_LIMITS, type AlertExplanation, type RuleType } from '@tradeassist/shared-types';
import { alertMessage, AlertsService, type NewAlert } from '../alerts';
import { toIso } from '../common';
import { LATE, type Firing } from '../engine';
import { MarketDataService, type NormalizedTick } from '../market';
import { RealtimeService } from '../realtime';
import { RuleEngineService } from '../rules';

export interface PipelineResult {
  late: number;
  fired: number;
}

/**
 * The hot path: every tick is evaluated synchronously in memory, recorded for the batched writer
 * and fanned out; the batch's firings are then written in one transaction and announced.
 */
@Injectable()
export class TickPipeline {
  private readonly logger = new Logger(TickPipeline.name);

  constructor(
    private readonly engine: RuleEngineService,
    private readonly market: MarketDataService,
    private readonly alerts: AlertsService,
    private readonly realtime: RealtimeService,
  ) {}

  async process(ticks: readonly NormalizedTick[]): Promise<PipelineResult> {
    const firings: Firing[] = [];
    const evalMs: number[] = [];
    // The tick behind each firing, index for index: its explanation quotes the tick.
    const firedBy: NormalizedTick[] = [];
    let late = 0;
    let newest = 0;
    for (const tick of ticks) {
      const started = performance.now();
      const n = this.engine.evaluate({ instrumentId: tick.instrumentId, tsMs: tick.ts, price: tick.price, volume: tick.volume }, firings);
      if (n === LATE) {
        late++;
        this.market.record(tick, false);
        continue;
      }
      const elapsed = performance.now() - started;
      for (let i = 0; i < n; i++) {
        evalMs.push(elapsed);
        firedBy.push(tick);
      }
      this.market.record(tick, true);
      if (tick.ts > newest) newest = tick.ts;
      this.realtime.publishTick({
        instrument_id: tick.instrumentId,
        symbol: tick.symbol,
        price: tick.price,
        volume: tick.volume,
        bid: tick.bid,
        ask: tick.ask,
        timestamp: toIso(tick.ts) ?? '',
      });
    }
    if (ticks.length > 0) this.market.noteBatch(ticks.length, newest);
    if (firings.length > 0) await this.announce(firings, evalMs, firedBy);
    return { late, fired: firings.length };
  }

  private async announce(firings: Firing[], evalMs: number[], firedBy: NormalizedTick[]): Promise<void> {
    const alerts: NewAlert[] = [];
    firings.forEach((f, i) => {
      const rule = this.engine.snapshot(f.ruleId);
      const tick = firedBy[i];
      if (!rule || !tick) return;
      const symbol = tick.symbol;
      const windowSeconds = rule.timeWindowSeconds ?? RULE_LIMITS.timeWindowSeconds.default;
      alerts.push({
        ts: f.tsMs,
        ruleId: f.ruleId,
        ruleVersion: f.ruleVersion,
        ruleName: rule.name,
        ruleType: rule.ruleType,
        ruleCondition: rule.condition,
        instrumentId: f.instrumentId,
        instrumentSymbol: symbol,
        triggerValue: f.triggerValue,
        thresholdValue: f.thresholdValue,
        firedStatus: 'fired',
        deliveryStatus: 'in_app_sent',
        evaluationTimeMs: evalMs[i] ?? 0,
        alertMessage: alertMessage(symbol, rule.condition, f.triggerValue, f.thresholdValue, windowSeconds),
        explanation: explain(f, rule.ruleType, tick, windowSeconds),
      });
    });
    try {
      const saved = await this.alerts.record(alerts);
      for (const a of saved) {
        this.realtime.publish(
          'alert_fired',
          {
            alert_id: a.id,
            rule_id: a.ruleId,
            rule_name: a.ruleName,
            instrument_id: a.instrumentId,
            symbol: a.instrumentSymbol,
            trigger_value: a.triggerValue,
            threshold_value: a.thresholdValue,
            condition: a.ruleCondition,
            priority: 'normal',
            message: a.alertMessage,
            timestamp: toIso(a.ts) ?? '',
            evaluation_time_ms: a.evaluationTimeMs,
          },
          { symbol: a.instrumentSymbol },
        );
      }
    } catch (error) {
      this.logger.error({ message: 'Failed to record alerts', count: alerts.length, error });
      throw error;
    }
  }
}

/** The inputs of a firing, as the alert's explanation keeps them. */
function explain(f: Firing, ruleType: RuleType, tick: NormalizedTick, windowSeconds: number): AlertExplanation {
  const rate = ruleType === 'rate_of_change';
  return {
    measure: rate ? 'percent_change' : ruleType === 'volume_spike' ? 'volume' : 'price',
    trigger_value: f.triggerValue,
    threshold_value: f.thresholdValue,
    price: tick.price,
    bid: tick.bid,
    ask: tick.ask,
    volume: tick.volume,
    previous_price: f.previousPrice,
    reference_price: f.referencePrice,
    window_seconds: rate ? windowSeconds : null,
    evaluated_on: 'tick',
  };
}
