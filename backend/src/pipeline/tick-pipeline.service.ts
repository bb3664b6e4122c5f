import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { AlertsService, type NewAlert } from '../alerts';
import { toIso } from '../common';
import { LATE, type Firing, type RearmState } from '../engine';
import { MarketDataService, type NormalizedTick } from '../market';
import { OutboxService, PreferencesService, viaOutbox, type AlertRoute } from '../notifications';
import { RealtimeService } from '../realtime';
import { RearmStore, RuleEngineService } from '../rules';
import { buildAlert } from './alert-builder';

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
    private readonly outbox: OutboxService,
    private readonly preferences: PreferencesService,
    private readonly rearmStore: RearmStore,
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
      const n = this.engine.evaluate(
        { instrumentId: tick.instrumentId, tsMs: tick.ts, price: tick.price, volume: tick.volume, bid: tick.bid, ask: tick.ask },
        firings,
      );
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
    // Re-arm hysteresis is persisted so a restart resumes it: with the batch's alerts, or alone if none fired.
    const rearms = this.engine.takeRearmChanges();
    if (firings.length > 0) await this.announce(firings, evalMs, firedBy, rearms);
    else if (rearms.length > 0) await this.rearmStore.save(rearms);
    return { late, fired: firings.length };
  }

  private async announce(firings: Firing[], evalMs: number[], firedBy: NormalizedTick[], rearms: RearmState[]): Promise<void> {
    const alerts: NewAlert[] = [];
    // Rules firing 'once' switch off in the same transaction as their alert.
    const spent: number[] = [];
    // Whether the console should play each alert's tone, index for index with alerts and routes.
    const sounds: boolean[] = [];
    const routes: Omit<AlertRoute, 'alertId'>[] = [];
    firings.forEach((f, i) => {
      const rule = this.engine.snapshot(f.ruleId);
      const tick = firedBy[i];
      if (!rule || !tick) return;
      const alert = buildAlert(f, rule, tick, evalMs[i] ?? 0);
      const channels = this.preferences.route(rule.ownerId, rule.options.channels, rule.options.priority);
      // Pending until the dispatcher has delivered every outbox row (a normal alert on a rule listing sms gets none there).
      if (channels.some((c) => viaOutbox(c, rule.options.priority))) alert.deliveryStatus = 'pending';
      alerts.push(alert);
      routes.push({
        ruleId: f.ruleId,
        channels,
        recipientId: rule.ownerId,
        priority: rule.options.priority,
        title: `${alert.instrumentSymbol} · ${rule.name ?? `Rule ${f.ruleId}`}`,
        body: alert.alertMessage,
      });
      sounds.push(channels.includes('sound') && rule.options.sound && !this.preferences.deliveryOptions(rule.ownerId, 'sound').silent);
      if (rule.options.trigger_mode === 'once') spent.push(f.ruleId);
    });
    try {
      let inbox: Awaited<ReturnType<OutboxService['enqueue']>> = [];
      const saved = await this.alerts.record(alerts, spent, async (manager, rows) => {
        await this.rearmStore.save(rearms, manager);
        inbox = await this.outbox.enqueue(
          manager,
          rows.map((row, k) => ({ alertId: row.id, ...(routes[k] as Omit<AlertRoute, 'alertId'>) })),
        );
      });
      this.outbox.announce(inbox);
      saved.forEach((a, k) => {
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
            priority: routes[k]?.priority ?? 'normal',
            sound: sounds[k] ?? false,
            message: a.alertMessage,
            timestamp: toIso(a.ts) ?? '',
            evaluation_time_ms: a.evaluationTimeMs,
          },
          { symbol: a.instrumentSymbol },
        );
      });
    } catch (error) {
      this.logger.error({ message: 'Failed to record alerts', count: alerts.length, error });
      throw error;
    }
  }
}
