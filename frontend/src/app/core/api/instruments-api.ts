import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateInstrumentRequest, Instrument, MessageResponse, UpdateInstrumentRequest } from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class InstrumentsApi {
  private readonly http = inject(HttpClient);

  list(): Promise<Instrument[]> {
    return firstValueFrom(this.http.get<Instrument[]>('/api/instruments'));
  }

  create(body: CreateInstrumentRequest): Promise<Instrument> {
    return firstValueFrom(this.http.post<Instrument>('/api/instruments', body));
  }

  update(id: number, body: UpdateInstrumentRequest): Promise<Instrument> {
    return firstValueFrom(this.http.put<Instrument>(`/api/instruments/${id}`, body));
  }

  remove(id: number): Promise<MessageResponse> {
    return firstValueFrom(this.http.delete<MessageResponse>(`/api/instruments/${id}`));
  }
}
