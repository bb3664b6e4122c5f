import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertPriority } from '@tradeassist/shared-types';
import { epochMs } from '../../database/epoch-ms.transformer';

@Entity('inbox')
export class InboxEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  /** Null for a system alert. */
  @Column({ name: 'alert_id', type: 'integer', nullable: true })
  alertId: number | null;

  @Column({ name: 'system_event_id', type: 'integer', nullable: true })
  systemEventId: number | null;

  @Column({ type: 'varchar', length: 16 })
  priority: AlertPriority;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt: number;

  @Column({ name: 'read_at', type: 'bigint', nullable: true, transformer: epochMs })
  readAt: number | null;

  @Column({ name: 'acknowledged_at', type: 'bigint', nullable: true, transformer: epochMs })
  acknowledgedAt: number | null;

  @Column({ name: 'snoozed_until', type: 'bigint', nullable: true, transformer: epochMs })
  snoozedUntil: number | null;

  @Column({ name: 'archived_at', type: 'bigint', nullable: true, transformer: epochMs })
  archivedAt: number | null;

  @Column({ name: 'escalated_at', type: 'bigint', nullable: true, transformer: epochMs })
  escalatedAt: number | null;
}
