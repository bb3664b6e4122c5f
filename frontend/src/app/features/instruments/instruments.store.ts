import { Injectable, computed, inject, signal } from '@angular/core';
import type { CreateInstrumentRequest, Instrument, InstrumentStatus, UpdateInstrumentRequest } from '@tradeassist/shared-types';
import { ApiError } from '../../core/api/api-error';
import { InstrumentsApi } from '../../core/api/instruments-api';
import { QuoteBook } from '../../core/realtime/quote-book';

@Injectable()
export class InstrumentsStore {
  private readonly api = inject(InstrumentsApi);
  private readonly quoteBook = inject(QuoteBook);
  private readonly list = signal<Instrument[]>([]);
  private readonly errorSignal = signal<string | null>(null);
  private readonly loadingSignal = signal(true);
  readonly error = this.errorSignal.asReadonly();
  readonly loading = this.loadingSignal.asReadonly();
  /** The stored instruments with the last price and tick time kept current by the live feed. */
  readonly instruments = computed<Instrument[]>(() => {
    const quotes = this.quoteBook.quotes();
    return this.list().map((i) => {
      const quote = quotes[i.symbol];
      return quote && quote.timestamp !== null ? { ...i, last_price: quote.price, last_tick: quote.timestamp } : i;
    });
  });
  readonly activeCount = computed(() => this.list().filter((i) => i.status === 'active').length);

  async load(): Promise<void> {
    this.loadingSignal.set(true);
    try {
      this.list.set(await this.api.list());
      this.errorSignal.set(null);
    } catch (e) {
      this.errorSignal.set(ApiError.from(e).message);
    } finally {
      this.loadingSignal.set(false);
    }
  }

  /** Returns the server's error (with per-field messages) instead of throwing, for the form to show. */
  create(body: CreateInstrumentRequest): Promise<ApiError | null> {
    return this.attempt(async () => {
      const created = await this.api.create(body);
      this.list.update((l) => [...l, created].sort((a, b) => a.symbol.localeCompare(b.symbol)));
    });
  }

  /** Its name or timezone, from the dialog: the server's error comes back for the form, as with create. */
  update(instrument: Instrument, body: UpdateInstrumentRequest): Promise<ApiError | null> {
    return this.attempt(async () => this.replace(await this.api.update(instrument.id, body)));
  }

  /** True when the server took the change. */
  async setStatus(instrument: Instrument, status: InstrumentStatus): Promise<boolean> {
    return this.run(async () => this.replace(await this.api.update(instrument.id, { status })));
  }

  async remove(instrument: Instrument): Promise<boolean> {
    return this.run(async () => {
      await this.api.remove(instrument.id);
      this.list.update((l) => l.filter((i) => i.id !== instrument.id));
    });
  }

  private replace(updated: Instrument): void {
    this.list.update((l) => l.map((i) => (i.id === updated.id ? updated : i)));
  }

  /** The page's own actions: a refusal shows above the table. */
  private async run(action: () => Promise<void>): Promise<boolean> {
    const error = await this.attempt(action);
    if (error) this.errorSignal.set(error.message);
    return error === null;
  }

  private async attempt(action: () => Promise<void>): Promise<ApiError | null> {
    try {
      await action();
      this.errorSignal.set(null);
      return null;
    } catch (e) {
      return ApiError.from(e);
    }
  }
}
