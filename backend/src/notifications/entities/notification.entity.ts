import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationChannel, NotificationStatus } from '@tradeassist/shared-types';
import { epochMs } from '../../database/epoch-ms.transformer';

/** The outbox: one row per (alert or system event, channel, recipient), written in the alert's own transaction. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** Null for a system alert. */
  @Column({ name: 'alert_id', type: 'integer', nullable: true })
  alertId: number | null;

  @Column({ name: 'system_event_id', type: 'integer', nullable: true })
  systemEventId: number | null;

  @Column({ type: 'varchar', length: 32 })
  channel: NotificationChannel;

  @Column({ name: 'recipient_id', type: 'integer', nullable: true })
  recipientId: number | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 16 })
  status: NotificationStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'bigint', transformer: epochMs })
  nextAttemptAt: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt: number;

  /** Delivered without the channel's alerting (no push, no ping): the user set the channel to silent. */
  @Column({ type: 'boolean', default: false })
  silent: boolean;

  /** Rows with the same key are sent together as one digest message when the first of them is due. */
  @Column({ name: 'digest_key', type: 'varchar', length: 120, nullable: true })
  digestKey: string | null;

  @Column({ name: 'sent_at', type: 'bigint', nullable: true, transformer: epochMs })
  sentAt: number | null;
}
