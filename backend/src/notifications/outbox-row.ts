import type { AlertPriority, NotificationChannel } from '@tradeassist/shared-types';
import type { NotificationEntity } from './entities/notification.entity';

/**
 * Whether an alert of this priority goes through the outbox on this channel: in_app and sound are
 * delivered by the console itself, and SMS carries urgent alerts only.
 */
export function viaOutbox(channel: NotificationChannel, priority: AlertPriority): boolean {
  return channel !== 'in_app' && channel !== 'sound' && (channel !== 'sms' || priority === 'urgent');
}

export function idempotencyKey(alertId: number, channel: NotificationChannel, recipientId: number | null): string {
  return `alert-${alertId}-${channel}-${recipientId ?? 'all'}`;
}

/** A new pending outbox row: about an alert or a system event, due now unless a digest holds it back. */
export function outboxRow(
  about: { alertId: number } | { systemEventId: number },
  channel: NotificationChannel,
  recipientId: number | null,
  key: string,
  now: number,
  extra: { silent?: boolean; digestKey?: string | null; dueAt?: number } = {},
): Omit<NotificationEntity, 'id'> {
  return {
    alertId: 'alertId' in about ? about.alertId : null,
    systemEventId: 'systemEventId' in about ? about.systemEventId : null,
    channel,
    recipientId,
    idempotencyKey: key,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: extra.dueAt ?? now,
    lastError: null,
    createdAt: now,
    sentAt: null,
    silent: extra.silent ?? false,
    digestKey: extra.digestKey ?? null,
  };
}
