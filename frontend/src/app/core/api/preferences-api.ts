import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationPreferences } from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';

/** The signed-in user's own notification settings. */
@Injectable({ providedIn: 'root' })
export class PreferencesApi {
  private readonly http = inject(HttpClient);

  get(): Promise<NotificationPreferences> {
    return firstValueFrom(this.http.get<NotificationPreferences>('/api/me/notification-preferences'));
  }

  put(body: NotificationPreferences): Promise<NotificationPreferences> {
    return firstValueFrom(this.http.put<NotificationPreferences>('/api/me/notification-preferences', body));
  }
}
