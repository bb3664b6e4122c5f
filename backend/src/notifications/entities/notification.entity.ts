import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationChannel, NotificationStatus } from '@tradeassist/shared-types';
import { epochMs } from '../../database/epoch-ms.transformer';

/** The outbox: one row per (alert, channel, recipient), written in the alert's own transaction. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'alert_id', type: 'integer' })
  alertId: number;

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

  @Column({ name: 'sent_at', type: 'bigint', nullable: true, transformer: epochMs })
  sentAt: number | null;
}
