import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationChannel, NotificationMetrics, NotificationRecord, ReplayRequest } from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';

/** Delivery health for administrators: per-channel metrics, the dead-letter list and replay. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  metrics(): Promise<NotificationMetrics> {
    return firstValueFrom(this.http.get<NotificationMetrics>('/api/metrics/notifications'));
  }

  deadLetters(): Promise<NotificationRecord[]> {
    return firstValueFrom(this.http.get<NotificationRecord[]>('/api/notifications/dead-letter'));
  }

  /** To the same channel when none is given (same key, attempts start over), else a new notification to that one. */
  replay(id: number, channel?: NotificationChannel): Promise<NotificationRecord> {
    const body: ReplayRequest = channel === undefined ? {} : { channel };
    return firstValueFrom(this.http.post<NotificationRecord>(`/api/notifications/${id}/replay`, body));
  }
}
