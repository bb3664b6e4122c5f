import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './helpers/table';

/** The notification outbox (one row per alert, channel and recipient) and every delivery attempt. */
export class Notifications1764300000000 implements MigrationInterface {
  name = 'Notifications1764300000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, {
      name: 'notifications',
      columns: [
        col.id(qr),
        col.int('alert_id'),
        col.text('channel', 32),
        col.int('recipient_id', true),
        col.text('idempotency_key', 100),
        col.text('status', 16),
        col.int('attempts'),
        col.epochMs('next_attempt_at'),
        col.longText('last_error', true),
        col.epochMs('created_at'),
        col.epochMs('sent_at', true),
      ],
      indices: [{ columns: ['idempotency_key'], unique: true }, { columns: ['status', 'next_attempt_at'] }, { columns: ['alert_id'] }],
    });
    await createTable(qr, {
      name: 'notification_attempts',
      columns: [
        col.id(qr),
        col.int('notification_id'),
        col.epochMs('at'),
        col.bool('ok', false),
        col.int('status_code', true),
        col.double('latency_ms'),
        col.longText('error', true),
      ],
      indices: [{ columns: ['notification_id'] }],
      foreignKeys: [{ column: 'notification_id', references: 'notifications', onDelete: 'CASCADE' }],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('notification_attempts', true);
    await qr.dropTable('notifications', true);
  }
}
