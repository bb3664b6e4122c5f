import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './helpers/table';

/** Each user's notification settings, as one JSON document. */
export class NotificationPreferences1764700000000 implements MigrationInterface {
  name = 'NotificationPreferences1764700000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, {
      name: 'notification_preferences',
      columns: [{ ...col.int('user_id'), isPrimary: true }, col.longText('settings'), col.epochMs('updated_at')],
      foreignKeys: [{ column: 'user_id', references: 'users', onDelete: 'CASCADE' }],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('notification_preferences', true);
  }
}
