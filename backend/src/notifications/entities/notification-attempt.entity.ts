import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../../database/epoch-ms.transformer';

@Entity('notification_attempts')
export class NotificationAttemptEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'notification_id', type: 'integer' })
  notificationId: number;

  @Column({ type: 'bigint', transformer: epochMs })
  at: number;

  @Column({ type: 'boolean' })
  ok: boolean;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ name: 'latency_ms', type: 'double precision' })
  latencyMs: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
