import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { RULE_LIMITS } from '@tradeassist/shared-types';
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
      for (let i = 0; i < n; i++) evalMs.push(elapsed);
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
    if (firings.length > 0) await this.announce(firings, evalMs, ticks);
    return { late, fired: firings.length };
  }

  private async announce(firings: Firing[], evalMs: number[], ticks: readonly NormalizedTick[]): Promise<void> {
    const symbols = new Map(ticks.map((t) => [t.instrumentId, t.symbol]));
    const alerts: NewAlert[] = [];
    firings.forEach((f, i) => {
      const rule = this.engine.snapshot(f.ruleId);
      if (!rule) return;
      const symbol = symbols.get(f.instrumentId) ?? '';
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
        alertMessage: alertMessage(
          symbol,
          rule.condition,
          f.triggerValue,
          f.thresholdValue,
          rule.timeWindowSeconds ?? RULE_LIMITS.timeWindowSeconds.default,
        ),
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
