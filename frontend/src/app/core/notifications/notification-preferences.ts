import { Injectable, Injector, effect, inject, signal } from '@angular/core';
import { meetsMinPriority, type AlertPriority, type NotificationChannel, type NotificationPreferences } from '@tradeassist/shared-types';
import { PreferencesApi } from '../api/preferences-api';
import { AuthService } from '../auth/auth.service';

/**
 * The signed-in user's notification settings for the whole session: loaded once on sign-in,
 * replaced by what the server answers to a save. Until they arrive the server's defaults apply
 * (every channel on), so an alert in the first moments still gets its toast.
 */
@Injectable({ providedIn: 'root' })
export class NotificationPreferencesStore {
  private readonly api = inject(PreferencesApi);
  private readonly auth = inject(AuthService);
  private readonly injector = inject(Injector);
  private readonly prefs = signal<NotificationPreferences | null>(null);
  /** Null until loaded (or after sign-out). */
  readonly preferences = this.prefs.asReadonly();
  private started = false;
  private loading: Promise<NotificationPreferences> | null = null;

  start(): void {
    if (this.started) return;
    this.started = true;
    effect(
      () => {
        const user = this.auth.user();
        if (user && !user.must_change_password) void this.load().catch(() => undefined);
        else this.prefs.set(null);
      },
      { injector: this.injector },
    );
  }

  /** Reads them again; callers at the same moment (sign-in and a settings page opened directly) share one request. */
  load(): Promise<NotificationPreferences> {
    this.loading ??= this.api
      .get()
      .then((prefs) => {
        this.prefs.set(prefs);
        return prefs;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }

  async save(body: NotificationPreferences): Promise<NotificationPreferences> {
    const prefs = await this.api.put(body);
    this.prefs.set(prefs);
    return prefs;
  }

  /**
   * Whether this console should alert (a toast, a tone) on the channel for an alert of this
   * priority: only in mode 'on' and at or above the channel's minimum. 'silent' and 'off' leave
   * the live feed and the notification center to show it quietly.
   */
  alerts(channel: NotificationChannel, priority: AlertPriority): boolean {
    const pref = this.prefs()?.channels[channel];
    return !pref || (pref.mode === 'on' && meetsMinPriority(priority, pref.min_priority));
  }
}
