import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChannelSettings,
  ChannelSettingsUpdate,
  NotificationChannel,
  NotificationMetrics,
  NotificationRecord,
  ReplayRequest,
  ChannelTestResult,
  TemplatePreview,
  TemplatePreviewRequest,
} from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';

/** Delivery for administrators: per-channel metrics, the dead-letter list and replay, channel settings and test sends. */
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

  channels(): Promise<ChannelSettings[]> {
    return firstValueFrom(this.http.get<ChannelSettings[]>('/api/notifications/channels'));
  }

  updateChannel(channel: NotificationChannel, body: ChannelSettingsUpdate): Promise<ChannelSettings> {
    return firstValueFrom(this.http.put<ChannelSettings>(`/api/notifications/channels/${channel}`, body));
  }

  previewTemplate(channel: NotificationChannel, template: string): Promise<TemplatePreview> {
    const body: TemplatePreviewRequest = { template };
    return firstValueFrom(this.http.post<TemplatePreview>(`/api/notifications/channels/${channel}/preview`, body));
  }

  /** Sends a sample alert through the channel now, to the signed-in administrator. */
  test(channel: NotificationChannel): Promise<ChannelTestResult> {
    return firstValueFrom(this.http.post<ChannelTestResult>('/api/notifications/test', { channel }));
  }
}
