import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AlertPriority, NotificationChannel } from '@tradeassist/shared-types';
import { InboxEntity } from './entities/inbox.entity';
import { NotificationEntity } from './entities/notification.entity';
import { InboxService } from './inbox/inbox.service';

/** Channels delivered without the outbox: in_app reaches the console as alert_fired, sound is played there. */
const DIRECT: readonly NotificationChannel[] = ['in_app', 'sound'];

/** Where one alert goes. */
export interface AlertRoute {
  alertId: number;
  channels: readonly NotificationChannel[];
  recipientId: number | null;
  priority: AlertPriority;
  /** What the notification center shows. */
  title: string;
  body: string;
}

/** SMS is for urgent alerts: a rule that lists it sends the others through its other channels only. */
function routed(channel: NotificationChannel, priority: AlertPriority): boolean {
  return !DIRECT.includes(channel) && (channel !== 'sms' || priority === 'urgent');
}

export function idempotencyKey(alertId: number, channel: NotificationChannel, recipientId: number | null): string {
  return `alert-${alertId}-${channel}-${recipientId ?? 'all'}`;
}

/** Writes the outbox rows and notification-center entries of new alerts, inside the transaction that writes the alerts: all land, or none. */
@Injectable()
export class OutboxService {
  constructor(private readonly inbox: InboxService) {}

  /** Returns the notification-center entries written: announce() them once the transaction has committed. */
  async enqueue(manager: EntityManager, routes: AlertRoute[]): Promise<InboxEntity[]> {
    const now = Date.now();
    const rows = routes.flatMap((r) =>
      r.channels
        .filter((c) => routed(c, r.priority))
        .map((channel) => ({
          alertId: r.alertId,
          channel,
          recipientId: r.recipientId,
          idempotencyKey: idempotencyKey(r.alertId, channel, r.recipientId),
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: now,
          lastError: null,
          createdAt: now,
          sentAt: null,
        })),
    );
    if (rows.length > 0) await manager.insert(NotificationEntity, rows);
    return this.inbox.write(
      manager,
      routes
        .filter((r) => r.recipientId !== null && r.channels.includes('in_app'))
        .map((r) => ({ userId: r.recipientId as number, alertId: r.alertId, priority: r.priority, title: r.title, body: r.body })),
    );
  }

  /** After commit: tells live notification-center streams about new entries. */
  announce(entries: InboxEntity[]): void {
    this.inbox.announce(entries);
  }
}
