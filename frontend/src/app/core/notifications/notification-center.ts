import { Injectable, Injector, effect, inject, signal } from '@angular/core';
import type { InboxAction, InboxItem } from '@tradeassist/shared-types';
import { InboxApi } from '../api/inbox-api';
import { AuthService } from '../auth/auth.service';
import { RealtimeService } from '../realtime/realtime.service';

/** Whether an entry counts towards the bell, as the server counts it. */
export function countsAsUnread(item: InboxItem, now = Date.now()): boolean {
  return !item.read && !item.archived && !(item.snoozed_until !== null && Date.parse(item.snoozed_until) > now);
}

/**
 * The notification center's entries and the bell's count for the whole session: loaded on
 * sign-in, then caught up from the newest known id on every alert_fired and every reconnect, so
 * nothing fired while the socket was down is missed.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  private readonly api = inject(InboxApi);
  private readonly auth = inject(AuthService);
  private readonly realtime = inject(RealtimeService);
  private readonly injector = inject(Injector);
  private readonly itemsSignal = signal<readonly InboxItem[]>([]);
  private readonly unreadSignal = signal(0);
  /** Newest first. */
  readonly items = this.itemsSignal.asReadonly();
  readonly unread = this.unreadSignal.asReadonly();
  private loaded = false;
  /** Syncs run one after another so two catch-ups never add the same entries twice. */
  private queue: Promise<void> = Promise.resolve();
  private started = false;

  start(): void {
    if (this.started) return;
    this.started = true;
    this.realtime.on('alert_fired').subscribe(() => void this.sync());
    effect(
      () => {
        const user = this.auth.user();
        if (user && !user.must_change_password) void this.sync();
        else this.clear();
      },
      { injector: this.injector },
    );
    effect(
      () => {
        if (this.realtime.state() === 'live' && this.loaded) void this.sync();
      },
      { injector: this.injector },
    );
  }

  /** A full load the first time, afterwards only what is newer than the newest entry known. */
  sync(): Promise<void> {
    this.queue = this.queue.then(() => this.fetch()).catch(() => undefined);
    return this.queue;
  }

  async act(item: InboxItem, action: InboxAction, minutes?: number): Promise<void> {
    const updated = await this.api.act(item.id, action, minutes);
    const delta = Number(countsAsUnread(updated)) - Number(countsAsUnread(item));
    this.unreadSignal.update((n) => Math.max(0, n + delta));
    this.itemsSignal.update((items) =>
      updated.archived ? items.filter((i) => i.id !== item.id) : items.map((i) => (i.id === item.id ? updated : i)),
    );
  }

  async readAll(): Promise<void> {
    await this.api.readAll();
    this.itemsSignal.update((items) => items.map((i) => (i.read ? i : { ...i, read: true })));
    this.unreadSignal.set(0);
  }

  private async fetch(): Promise<void> {
    const newest = this.loaded ? this.itemsSignal()[0]?.id : undefined;
    const page = await this.api.page(newest);
    if (newest === undefined) {
      this.itemsSignal.set(page.items);
    } else {
      // After an id the server answers oldest first.
      const known = new Set(this.itemsSignal().map((i) => i.id));
      const added = page.items.filter((i) => !known.has(i.id)).reverse();
      this.itemsSignal.update((items) => [...added, ...items]);
    }
    this.loaded = true;
    this.unreadSignal.set(page.unread);
  }

  private clear(): void {
    this.loaded = false;
    this.itemsSignal.set([]);
    this.unreadSignal.set(0);
  }
}
