import { DestroyRef, Injectable, InjectionToken, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ChannelSettings, ChannelSettingsUpdate, ChannelTestResult, NotificationChannel } from '@tradeassist/shared-types';
import { Subject, debounceTime, groupBy, mergeMap, switchMap } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { NotificationsApi } from '../../core/api/notifications-api';

/** How long a template must stay still before it is rendered, so typing sends one request, not one a key. */
export const TEMPLATE_PREVIEW_DEBOUNCE_MS = new InjectionToken<number>('TEMPLATE_PREVIEW_DEBOUNCE_MS', { factory: () => 400 });

export type PreviewState = { kind: 'loading' } | { kind: 'shown'; text: string } | { kind: 'error'; message: string };

export type TestState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'answered'; result: ChannelTestResult }
  /** The request itself failed (not the provider): the server's message. */
  | { kind: 'failed'; message: string };

/** What a channel's card shows besides its settings. */
export interface ChannelState {
  saving: boolean;
  saved: boolean;
  error: ApiError | null;
  test: TestState;
  preview: PreviewState;
}

const IDLE: ChannelState = { saving: false, saved: false, error: null, test: { kind: 'idle' }, preview: { kind: 'loading' } };

/** The server's words for a refused template: its message about `template`, else its message. */
function templateMessage(error: ApiError): string {
  return error.paths['template']?.join('; ') ?? error.message;
}

/** The channels page's state: each outbox channel's settings, and per channel its save, test and preview. */
@Injectable()
export class ChannelsStore {
  private readonly api = inject(NotificationsApi);
  private readonly channelsSignal = signal<ChannelSettings[] | null>(null);
  private readonly statesSignal = signal<Partial<Record<NotificationChannel, ChannelState>>>({});
  private readonly errorSignal = signal<string | null>(null);
  private readonly previews = new Subject<{ channel: NotificationChannel; template: string }>();
  readonly channels = this.channelsSignal.asReadonly();
  readonly error = this.errorSignal.asReadonly();

  constructor() {
    const debounceMs = inject(TEMPLATE_PREVIEW_DEBOUNCE_MS);
    // Per channel: the last template typed within the window is rendered, and an answer to an older one is dropped.
    this.previews
      .pipe(
        groupBy((r) => r.channel),
        mergeMap((group) =>
          group.pipe(
            debounceTime(debounceMs),
            switchMap(({ channel, template }) => this.render(channel, template)),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(({ channel, preview }) => this.patch(channel, { preview }));
  }

  stateOf(channel: NotificationChannel): ChannelState {
    return this.statesSignal()[channel] ?? IDLE;
  }

  async load(): Promise<void> {
    try {
      const channels = await this.api.channels();
      this.channelsSignal.set(channels);
      this.errorSignal.set(null);
      for (const c of channels) this.preview(c.channel, c.template ?? c.default_template);
    } catch (e) {
      this.errorSignal.set(ApiError.from(e).message);
    }
  }

  async save(channel: NotificationChannel, update: ChannelSettingsUpdate): Promise<void> {
    this.patch(channel, { saving: true, saved: false });
    try {
      const saved = await this.api.updateChannel(channel, update);
      this.channelsSignal.update((list) => list?.map((c) => (c.channel === channel ? saved : c)) ?? null);
      this.patch(channel, { saving: false, saved: true, error: null });
    } catch (e) {
      this.patch(channel, { saving: false, error: ApiError.from(e) });
    }
  }

  async test(channel: NotificationChannel): Promise<void> {
    this.patch(channel, { test: { kind: 'running' } });
    try {
      this.patch(channel, { test: { kind: 'answered', result: await this.api.test(channel) } });
    } catch (e) {
      this.patch(channel, { test: { kind: 'failed', message: ApiError.from(e).message } });
    }
  }

  /** Renders the template for a sample alert once typing pauses; the last rendering stays until then. */
  preview(channel: NotificationChannel, template: string): void {
    this.previews.next({ channel, template });
  }

  private async render(channel: NotificationChannel, template: string): Promise<{ channel: NotificationChannel; preview: PreviewState }> {
    try {
      const { text } = await this.api.previewTemplate(channel, template);
      return { channel, preview: { kind: 'shown', text } };
    } catch (e) {
      return { channel, preview: { kind: 'error', message: templateMessage(ApiError.from(e)) } };
    }
  }

  private patch(channel: NotificationChannel, change: Partial<ChannelState>): void {
    this.statesSignal.update((states) => ({ ...states, [channel]: { ...(states[channel] ?? IDLE), ...change } }));
  }
}
