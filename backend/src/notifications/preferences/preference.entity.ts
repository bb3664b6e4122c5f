import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationPreferences } from '@tradeassist/shared-types';
import { epochMs } from '../../database/epoch-ms.transformer';
import { json } from '../../database/json.transformer';

@Entity('notification_preferences')
export class PreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId: number;

  @Column({ type: 'text', transformer: json<NotificationPreferences>() })
  settings: NotificationPreferences;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMs })
  updatedAt: number;
}
