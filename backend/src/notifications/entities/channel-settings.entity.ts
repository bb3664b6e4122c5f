import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationChannel } from '@tradeassist/shared-types';
import { epochMs } from '../../database/epoch-ms.transformer';
import { json } from '../../database/json.transformer';

/** What an administrator changed of a channel; anything not here comes from the environment. */
@Entity('channel_settings')
export class ChannelSettingsEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  channel: NotificationChannel;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ name: 'field_values', type: 'text', transformer: json<unknown>() })
  values: Record<string, string>;

  @Column({ type: 'text', nullable: true, transformer: json<unknown>() })
  headers: Record<string, string> | null;

  @Column({ type: 'text', nullable: true })
  template: string | null;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMs })
  updatedAt: number;
}
