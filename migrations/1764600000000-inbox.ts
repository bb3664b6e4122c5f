import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './helpers/table';

/** The in-app notification center: one entry per alert and user, with its read/acknowledged/snoozed/archived state. */
export class Inbox1764600000000 implements MigrationInterface {
  name = 'Inbox1764600000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, {
      name: 'inbox',
      columns: [
        col.id(qr),
        col.int('user_id'),
        col.int('alert_id'),
        col.text('priority', 16),
        col.text('title', 200),
        col.longText('body'),
        col.epochMs('created_at'),
        col.epochMs('read_at', true),
        col.epochMs('acknowledged_at', true),
        col.epochMs('snoozed_until', true),
        col.epochMs('archived_at', true),
      ],
      indices: [{ columns: ['user_id', 'id'] }],
      foreignKeys: [{ column: 'user_id', references: 'users', onDelete: 'CASCADE' }],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('inbox', true);
  }
}
