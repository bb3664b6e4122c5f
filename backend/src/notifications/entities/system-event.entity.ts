import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertPriority, SystemEventType } from '@tradeassist/shared-types';
import { epochMs } from '../../database/epoch-ms.transformer';
import { json } from '../../database/json.transformer';

/** Something administrators must hear about that is not a price alert: the feed is down, a channel keeps failing, storage is low. */
@Entity('system_events')
export class SystemEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  type: SystemEventType;

  @Column({ type: 'varchar', length: 16 })
  priority: AlertPriority;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', transformer: json<unknown>() })
  details: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt: number;
}
