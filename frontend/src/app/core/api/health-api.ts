import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HealthResponse } from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);

  get(): Promise<HealthResponse> {
    return firstValueFrom(this.http.get<HealthResponse>('/api/health'));
  }
}
