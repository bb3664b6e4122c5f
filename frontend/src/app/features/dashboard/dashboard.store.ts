import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AlertFired, AlertLog, HealthResponse, Instrument } from '@tradeassist/shared-types';
import { AlertsApi } from '../../core/api/alerts-api';
import { ApiError } from '../../core/api/api-error';
import { HealthApi } from '../../core/api/health-api';
import { InstrumentsApi } from '../../core/api/instruments-api';
import { QuoteBook, type Quote } from '../../core/realtime/quote-book';
import { RealtimeService } from '../../core/realtime/realtime.service';

export const FEED_SIZE = 50;

export interface WatchRow {
  instrument: Instrument;
  quote: Quote | null;
  change: number | null;
  changePct: number | null;
}

export interface FeedEntry {
  id: number;
  symbol: string;
  ruleName: string;
  message: string;
  timestamp: string;
  triggerValue: number;
}

const fromRecord = (a: AlertLog): FeedEntry => ({
  id: a.id,
  symbol: a.instrument_symbol,
  ruleName: a.rule_name ?? `Rule ${a.rule_id}`,
  message: a.alert_message,
  timestamp: a.timestamp,
  triggerValue: a.trigger_value,
});

const fromPush = (a: AlertFired): FeedEntry => ({
  id: a.alert_id,
  symbol: a.symbol,
  ruleName: a.rule_name ?? `Rule ${a.rule_id}`,
  message: a.message,
  timestamp: a.timestamp,
  triggerValue: a.trigger_value,
});

/** State of the dashboard: the watchlist over the session's quotes, the alert feed, system health. */
@Injectable()
export class DashboardStore {
  private readonly instrumentsApi = inject(InstrumentsApi);
  private readonly alertsApi = inject(AlertsApi);
  private readonly healthApi = inject(HealthApi);
  private readonly realtime = inject(RealtimeService);
  private readonly quoteBook = inject(QuoteBook);
  private readonly instruments = signal<Instrument[]>([]);
  private readonly feed = signal<FeedEntry[]>([]);
  private readonly loadedHealth = signal<HealthResponse | null>(null);
  private readonly errorSignal = signal<string | null>(null);
  private readonly refetchedFor = new Set<string>();
  private readonly loadingSignal = signal(true);
  readonly error = this.errorSignal.asReadonly();
  readonly loading = this.loadingSignal.asReadonly();
  readonly alerts = this.feed.asReadonly();
  /** The pushed health report once one arrives, the fetched one until then; the feed knows the last alert sooner. */
  readonly health = computed<HealthResponse | null>(() => {
    const report = this.realtime.health() ?? this.loadedHealth();
    const newest = this.feed()[0]?.timestamp ?? null;
    if (!report || newest === null || (report.last_alert !== null && report.last_alert >= newest)) return report;
    return { ...report, last_alert: newest };
  });
  /** Without a live socket the health report is only the last one known. */
  readonly healthStale = computed(() => this.realtime.state() !== 'live');

  readonly rows = computed<WatchRow[]>(() => {
    const quotes = this.quoteBook.quotes();
    return this.instruments()
      .filter((i) => i.status === 'active')
      .map((instrument) => {
        const quote = quotes[instrument.symbol] ?? null;
        const change = quote ? quote.price - quote.first : null;
        const changePct = quote && change !== null && quote.first !== 0 ? (change / Math.abs(quote.first)) * 100 : null;
        return { instrument, quote, change, changePct };
      });
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.realtime
      .on('alert_fired')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((alert) => this.addAlert(alert));
    // After a reconnect, fetch what was missed while the socket was down (alerts, new instruments).
    this.realtime
      .on('connection_established')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => {
        if (!this.loadingSignal()) void this.load();
      });
    // An instrument added (or re-activated) elsewhere starts streaming: fetch the list again once.
    this.realtime
      .on('tick_update')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((tick) => {
        if (this.loadingSignal() || this.refetchedFor.has(tick.symbol)) return;
        if (this.instruments().some((i) => i.symbol === tick.symbol && i.status === 'active')) return;
        // Once per symbol: ticks pushed for an instrument that stays inactive must not cause a reload each.
        this.refetchedFor.add(tick.symbol);
        void this.load();
      });
  }

  async load(): Promise<void> {
    this.loadingSignal.set(true);
    try {
      const [instruments, history, health] = await Promise.all([
        this.instrumentsApi.list(),
        this.alertsApi.list({ limit: 20 }),
        this.healthApi.get(),
      ]);
      this.instruments.set(instruments);
      this.quoteBook.seed(instruments);
      this.loadedHealth.set(health);
      const known = new Set(this.feed().map((e) => e.id));
      const older = history.alerts.filter((a) => !known.has(a.id)).map(fromRecord);
      // Alert ids grow with every firing, so they order the merged feed newest first.
      this.feed.update((f) => [...f, ...older].sort((a, b) => b.id - a.id).slice(0, FEED_SIZE));
      this.errorSignal.set(null);
    } catch (error) {
      this.errorSignal.set(ApiError.from(error).message);
    } finally {
      this.loadingSignal.set(false);
    }
  }

  addAlert(alert: AlertFired): void {
    if (this.feed().some((e) => e.id === alert.alert_id)) return;
    this.feed.update((f) => [fromPush(alert), ...f].slice(0, FEED_SIZE));
  }
}
