import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { NOTIFICATION_CHANNELS } from '@tradeassist/shared-types';
import { ApiError } from '../../core/api/api-error';
import { NotificationPreferencesStore } from '../../core/notifications/notification-preferences';
import { CHANNEL_LABELS } from '../../shared/delivery-status';
import { MatcherCache, fieldError } from '../../shared/field-errors';
import { ChannelPreferences } from './channel-preferences';
import { QuietHoursFields } from './quiet-hours-fields';
import { SoundSettings } from './sound-settings';
import { toDraft, toPreferences, type PreferencesDraft } from './preferences-draft';

/** Every user's own notification settings: where alerts go, how loudly, when to keep quiet; and this browser's tones. */
@Component({
  selector: 'ta-notification-settings-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    ChannelPreferences,
    QuietHoursFields,
    SoundSettings,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notification-settings.page.html',
  styles: `
    .sections {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    mat-card-content {
      margin-top: 12px;
    }
    .modes {
      margin: 0 0 12px;
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 4px 12px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .modes dt {
      font-weight: 500;
      color: var(--mat-sys-on-surface);
    }
    .modes dd {
      margin: 0;
    }
    .defaults {
      width: 420px;
      max-width: 100%;
    }
    .hint {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .error {
      color: var(--ta-down);
    }
    .ok {
      color: var(--ta-up);
    }
  `,
})
export class NotificationSettingsPage implements OnInit {
  private readonly store = inject(NotificationPreferencesStore);
  protected readonly draft = signal<PreferencesDraft | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly saveError = signal<ApiError | null>(null);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly errors = computed(() => this.saveError()?.paths ?? {});
  protected readonly channels = NOTIFICATION_CHANNELS;
  protected readonly labels = CHANNEL_LABELS;
  protected readonly matchers = new MatcherCache(() => this.errors(), 'below');
  protected readonly error = (path: string): string | null => fieldError(this.errors(), path);

  ngOnInit(): void {
    // What the console loaded at sign-in is current: no second request for it.
    const held = this.store.preferences();
    if (held) this.draft.set(toDraft(held));
    else void this.load();
  }

  protected async load(): Promise<void> {
    try {
      this.draft.set(toDraft(await this.store.load()));
      this.loadError.set(null);
    } catch (e) {
      this.loadError.set(ApiError.from(e).message);
    }
  }

  protected patch(change: Partial<PreferencesDraft>): void {
    this.draft.update((d) => d && { ...d, ...change });
    this.saved.set(false);
  }

  protected async save(): Promise<void> {
    const draft = this.draft();
    if (!draft || this.saving()) return;
    this.saving.set(true);
    try {
      this.draft.set(toDraft(await this.store.save(toPreferences(draft))));
      this.saveError.set(null);
      this.saved.set(true);
    } catch (e) {
      this.saveError.set(ApiError.from(e));
    } finally {
      this.saving.set(false);
    }
  }
}
