import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { loadavg } from 'node:os';
import type { DataSource } from 'typeorm';
import type { DetailedHealthResponse, HealthResponse, HealthState } from '@tradeassist/shared-types';
import { AlertsService } from '../alerts';
import { toIso } from '../common';
import { APP_CONFIG, type AppConfig } from '../config';
import { InstrumentsService, MarketDataService } from '../market';
import { FeedRunner } from '../pipeline';
import { RealtimeService } from '../realtime';
import { RulesService } from '../rules';
import { APP_VERSION } from '../version';

const MB = 1024 * 1024;
const DAY_MS = 86_400_000;

/** Composes the health picture from the modules that own each resource, and broadcasts it. */
@Injectable()
export class HealthService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HealthService.name);
  private timer: NodeJS.Timeout | undefined;
  private lastBroadcastStatus: HealthState | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instruments: InstrumentsService,
    private readonly market: MarketDataService,
    private readonly rules: RulesService,
    private readonly alerts: AlertsService,
    private readonly feed: FeedRunner,
    private readonly realtime: RealtimeService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.broadcast(), this.config.realtime.health_interval_seconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async summary(): Promise<HealthResponse> {
    const databaseUp = await this.databaseUp();
    const now = Date.now();
    const staleness = this.market.freshness.stalenessSeconds(now);
    const ingesting = staleness !== null && staleness <= this.config.market.stale_after_seconds;
    const feed = this.feed.status();
    return {
      status: this.state(databaseUp, ingesting, feed.kind),
      ingestion_active: ingesting,
      last_tick: toIso(this.market.freshness.lastTickTs()),
      api_connected: feed.running || ingesting,
      active_instruments: this.instruments.count().active,
      total_rules: databaseUp ? (await this.rules.count()).total : 0,
      last_alert: databaseUp ? toIso(await this.alerts.lastAlertTs()) : null,
      version: APP_VERSION,
      uptime_seconds: Math.round(process.uptime()),
    };
  }

  async detailed(): Promise<DetailedHealthResponse> {
    const summary = await this.summary();
    const databaseUp = summary.status !== 'unhealthy';
    const now = Date.now();
    const rules = databaseUp ? await this.rules.count() : { total: 0, active: 0 };
    const stats = databaseUp ? await this.alerts.stats(now) : undefined;
    const memory = process.memoryUsage();
    const feed = this.feed.status();
    return {
      status: summary.status,
      database_status: databaseUp ? 'connected' : 'error',
      database_type: this.dataSource.options.type,
      total_instruments: this.instruments.count().total,
      active_instruments: this.instruments.count().active,
      total_rules: rules.total,
      active_rules: rules.active,
      total_ticks_today: databaseUp ? await this.market.ticksSince(now - (now % DAY_MS)) : 0,
      total_alerts_today: stats?.total_alerts_today ?? 0,
      avg_evaluation_time_ms: stats?.avg_evaluation_time_ms ?? 0,
      feed: {
        kind: feed.kind,
        running: feed.running,
        ticks_last_minute: this.market.freshness.ticksLastMinute(now),
        last_tick: summary.last_tick,
        staleness_seconds: this.market.freshness.stalenessSeconds(now),
      },
      websocket: { active_connections: this.realtime.activeConnections, messages_sent: this.realtime.messagesSent },
      system: {
        uptime_seconds: summary.uptime_seconds,
        memory_rss_mb: Math.round((memory.rss / MB) * 10) / 10,
        heap_used_mb: Math.round((memory.heapUsed / MB) * 10) / 10,
        node_version: process.version,
        load_average: loadavg().map((l) => Math.round(l * 100) / 100),
      },
    };
  }

  private state(databaseUp: boolean, ingesting: boolean, feedKind: string): HealthState {
    if (!databaseUp) return 'unhealthy';
    // With no feed configured, silence is expected; otherwise a quiet feed degrades the service.
    return ingesting || feedKind === 'none' ? 'healthy' : 'degraded';
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async broadcast(): Promise<void> {
    try {
      const summary = await this.summary();
      this.realtime.publish('health_status', summary);
      if (summary.status !== this.lastBroadcastStatus) this.logger.log(`Health is ${summary.status}`);
      this.lastBroadcastStatus = summary.status;
    } catch (error) {
      this.logger.error({ message: 'Health broadcast failed', error });
    }
  }
}
