import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AlertFired, Instrument, TickUpdate } from '@tradeassist/shared-types';
import { AlertsApi } from '../../core/api/alerts-api';
import { ApiError } from '../../core/api/api-error';
import { InstrumentsApi } from '../../core/api/instruments-api';
import { RealtimeService } from '../../core/realtime/realtime.service';

export const SPARK_POINTS = 60;
const FEED_SIZE = 50;

export interface Quote {
  price: number;
  bid: number | null;
  ask: number | null;
  /** First price seen this session: the base of the change column. */
  first: number;
  history: number[];
  direction: 'up' | 'down' | null;
  /** Increments on every change so the flash animation restarts. */
  seq: number;
  timestamp: string;
}

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

/** State of the dashboard: instruments, live quotes and the feed of fired alerts. */
@Injectable()
export class DashboardStore {
  private readonly instrumentsApi = inject(InstrumentsApi);
  private readonly alertsApi = inject(AlertsApi);
  private readonly realtime = inject(RealtimeService);
  private readonly instruments = signal<Instrument[]>([]);
  private readonly quotes = signal<Record<string, Quote>>({});
  private readonly feed = signal<FeedEntry[]>([]);
  readonly error = signal<string | null>(null);
  readonly loading = signal(true);

  readonly rows = computed<WatchRow[]>(() => {
    const quotes = this.quotes();
    return this.instruments()
      .filter((i) => i.status === 'active')
      .map((instrument) => {
        const quote = quotes[instrument.symbol] ?? null;
        const change = quote ? quote.price - quote.first : null;
        const changePct = quote && change !== null && quote.first !== 0 ? (change / Math.abs(quote.first)) * 100 : null;
        return { instrument, quote, change, changePct };
      });
  });
  readonly alerts = this.feed.asReadonly();

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.realtime
      .on('tick_update')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((tick) => this.applyTick(tick));
    this.realtime
      .on('alert_fired')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((alert) => this.addAlert(alert));
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const [instruments, history] = await Promise.all([this.instrumentsApi.list(), this.alertsApi.list({ limit: 20 })]);
      this.instruments.set(instruments);
      this.quotes.update((current) => {
        const next = { ...current };
        for (const i of instruments) {
          if (!next[i.symbol] && i.last_price !== null) {
            next[i.symbol] = {
              price: i.last_price,
              bid: null,
              ask: null,
              first: i.last_price,
              history: [i.last_price],
              direction: null,
              seq: 0,
              timestamp: i.last_tick ?? '',
            };
          }
        }
        return next;
      });
      const known = new Set(this.feed().map((e) => e.id));
      const older = history.alerts
        .filter((a) => !known.has(a.id))
        .map((a) => ({
          id: a.id,
          symbol: a.instrument_symbol,
          ruleName: a.rule_name ?? `Rule ${a.rule_id}`,
          message: a.alert_message,
          timestamp: a.timestamp,
          triggerValue: a.trigger_value,
        }));
      this.feed.update((f) => [...f, ...older].slice(0, FEED_SIZE));
      this.error.set(null);
    } catch (error) {
      this.error.set(ApiError.from(error).message);
    } finally {
      this.loading.set(false);
    }
  }

  applyTick(tick: TickUpdate): void {
    this.quotes.update((current) => {
      const prev = current[tick.symbol];
      const history = prev ? [...prev.history.slice(-(SPARK_POINTS - 1)), tick.price] : [tick.price];
      const direction = !prev || tick.price === prev.price ? (prev?.direction ?? null) : tick.price > prev.price ? 'up' : 'down';
      const quote: Quote = {
        price: tick.price,
        bid: tick.bid,
        ask: tick.ask,
        first: prev?.first ?? tick.price,
        history,
        direction,
        seq: (prev?.seq ?? 0) + (prev && tick.price !== prev.price ? 1 : 0),
        timestamp: tick.timestamp,
      };
      return { ...current, [tick.symbol]: quote };
    });
    // An instrument added elsewhere starts streaming: fetch its details once.
    if (!this.loading() && !this.instruments().some((i) => i.symbol === tick.symbol)) void this.load();
  }

  addAlert(alert: AlertFired): void {
    const entry: FeedEntry = {
      id: alert.alert_id,
      symbol: alert.symbol,
      ruleName: alert.rule_name ?? `Rule ${alert.rule_id}`,
      message: alert.message,
      timestamp: alert.timestamp,
      triggerValue: alert.trigger_value,
    };
    this.feed.update((f) => [entry, ...f.filter((e) => e.id !== entry.id)].slice(0, FEED_SIZE));
  }
}
