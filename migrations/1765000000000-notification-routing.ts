import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, createTable } from './helpers/table';

/**
 * What the notification work needed beyond the outbox: silent and digested deliveries, system
 * alerts (outbox and notification-center rows without an alert), administrators' channel settings.
 */
export class NotificationRouting1765000000000 implements MigrationInterface {
  name = 'NotificationRouting1765000000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, {
      name: 'system_events',
      columns: [
        col.id(qr),
        col.text('type', 32),
        col.text('priority', 16),
        col.text('title', 200),
        col.longText('body'),
        col.longText('details'),
        col.epochMs('created_at'),
      ],
      indices: [{ columns: ['type', 'created_at'] }],
    });
    await createTable(qr, {
      name: 'channel_settings',
      columns: [
        col.text('channel', 32),
        col.bool('enabled', true),
        col.longText('field_values'),
        col.longText('headers', true),
        col.longText('template', true),
        col.epochMs('updated_at'),
      ],
      primary: ['channel'],
    });
    for (const table of ['notifications', 'inbox']) {
      const alertId = (await qr.getTable(table))?.findColumnByName('alert_id');
      if (alertId) await qr.changeColumn(table, alertId, new TableColumn(col.int('alert_id', true)));
      await qr.addColumn(table, new TableColumn(col.int('system_event_id', true)));
    }
    await qr.addColumns('notifications', [new TableColumn(col.bool('silent', false)), new TableColumn(col.text('digest_key', 120, true))]);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumns('notifications', ['silent', 'digest_key']);
    for (const table of ['notifications', 'inbox']) {
      await qr.query(`DELETE FROM ${table} WHERE alert_id IS NULL`);
      await qr.dropColumn(table, 'system_event_id');
      const alertId = (await qr.getTable(table))?.findColumnByName('alert_id');
      if (alertId) await qr.changeColumn(table, alertId, new TableColumn(col.int('alert_id')));
    }
    await qr.dropTable('channel_settings', true);
    await qr.dropTable('system_events', true);
  }
}
