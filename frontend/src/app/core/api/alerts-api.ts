import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AlertDetail, AlertListResponse, AlertQuery, AlertStats, NotificationRecord } from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AlertsApi {
  private readonly http = inject(HttpClient);

  list(query: AlertQuery = {}): Promise<AlertListResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params = params.set(key, String(value));
    return firstValueFrom(this.http.get<AlertListResponse>('/api/alerts', { params }));
  }

  /** One alert with what made it fire and the rule version it fired under. */
  get(id: number): Promise<AlertDetail> {
    return firstValueFrom(this.http.get<AlertDetail>(`/api/alerts/${id}`));
  }

  /** Where the alert was sent beyond the console: one record per channel, with every attempt. */
  deliveries(id: number): Promise<NotificationRecord[]> {
    return firstValueFrom(this.http.get<NotificationRecord[]>(`/api/alerts/${id}/deliveries`));
  }

  stats(): Promise<AlertStats> {
    return firstValueFrom(this.http.get<AlertStats>('/api/alerts/stats'));
  }
}
