import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AlertPriority, NotificationChannel } from '@tradeassist/shared-types';
import { NotificationEntity } from './entities/notification.entity';

/** Channels delivered without the outbox: in_app reaches the console as alert_fired, sound is played there. */
const DIRECT: readonly NotificationChannel[] = ['in_app', 'sound'];

/** Where one alert goes. */
export interface AlertRoute {
  alertId: number;
  channels: readonly NotificationChannel[];
  recipientId: number | null;
  priority: AlertPriority;
}

/** SMS is for urgent alerts: a rule that lists it sends the others through its other channels only. */
function routed(channel: NotificationChannel, priority: AlertPriority): boolean {
  return !DIRECT.includes(channel) && (channel !== 'sms' || priority === 'urgent');
}

export function idempotencyKey(alertId: number, channel: NotificationChannel, recipientId: number | null): string {
  return `alert-${alertId}-${channel}-${recipientId ?? 'all'}`;
}

/** Writes the outbox rows of new alerts, inside the transaction that writes the alerts: both land, or neither. */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, routes: AlertRoute[]): Promise<void> {
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
  }
}
