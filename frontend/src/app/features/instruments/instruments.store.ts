import { Injectable, inject, signal } from '@angular/core';
import type { CreateInstrumentRequest, Instrument, InstrumentStatus } from '@tradeassist/shared-types';
import { ApiError } from '../../core/api/api-error';
import { InstrumentsApi } from '../../core/api/instruments-api';

@Injectable()
export class InstrumentsStore {
  private readonly api = inject(InstrumentsApi);
  private readonly list = signal<Instrument[]>([]);
  readonly instruments = this.list.asReadonly();
  readonly error = signal<string | null>(null);

  async load(): Promise<void> {
    try {
      this.list.set(await this.api.list());
      this.error.set(null);
    } catch (e) {
      this.error.set(ApiError.from(e).message);
    }
  }

  /** Returns the server's error (with per-field messages) instead of throwing, for the form to show. */
  async create(body: CreateInstrumentRequest): Promise<ApiError | null> {
    try {
      const created = await this.api.create(body);
      this.list.update((l) => [...l, created].sort((a, b) => a.symbol.localeCompare(b.symbol)));
      return null;
    } catch (e) {
      return ApiError.from(e);
    }
  }

  async setStatus(instrument: Instrument, status: InstrumentStatus): Promise<void> {
    await this.run(async () => {
      const updated = await this.api.update(instrument.id, { status });
      this.list.update((l) => l.map((i) => (i.id === updated.id ? updated : i)));
    });
  }

  async remove(instrument: Instrument): Promise<void> {
    await this.run(async () => {
      await this.api.remove(instrument.id);
      this.list.update((l) => l.filter((i) => i.id !== instrument.id));
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
      this.error.set(null);
    } catch (e) {
      this.error.set(ApiError.from(e).message);
    }
  }
}
