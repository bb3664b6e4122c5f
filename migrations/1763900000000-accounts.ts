import { TableColumn, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, createTable } from './helpers/table';

export class Accounts1763900000000 implements MigrationInterface {
  name = 'Accounts1763900000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, {
      name: 'users',
      columns: [
        col.id(qr),
        col.text('username', 64),
        col.text('password_hash', 200),
        col.text('role', 16),
        col.bool('must_change_password', false),
        col.bool('disabled', false),
        col.int('failed_logins'),
        col.epochMs('locked_until', true),
        col.epochMs('last_login_at', true),
        col.epochMs('created_at'),
        col.epochMs('updated_at'),
      ],
      indices: [{ columns: ['username'], unique: true }],
    });
    await createTable(qr, {
      name: 'sessions',
      columns: [
        col.id(qr),
        col.int('user_id'),
        col.text('refresh_hash', 64),
        col.epochMs('created_at'),
        col.epochMs('expires_at'),
        col.epochMs('last_used_at'),
        col.epochMs('revoked_at', true),
        col.text('ip', 64, true),
        col.text('user_agent', 300, true),
      ],
      indices: [{ columns: ['refresh_hash'], unique: true }, { columns: ['user_id'] }],
      foreignKeys: [{ column: 'user_id', references: 'users', onDelete: 'CASCADE' }],
    });
    await createTable(qr, {
      name: 'api_keys',
      columns: [
        col.id(qr),
        col.int('user_id'),
        col.text('name', 100),
        col.text('prefix', 16),
        col.text('key_hash', 64),
        col.text('role', 16),
        col.epochMs('expires_at', true),
        col.epochMs('created_at'),
        col.epochMs('last_used_at', true),
        col.epochMs('revoked_at', true),
      ],
      indices: [{ columns: ['prefix'], unique: true }, { columns: ['user_id'] }],
      foreignKeys: [{ column: 'user_id', references: 'users', onDelete: 'CASCADE' }],
    });
    await createTable(qr, {
      name: 'security_audit',
      columns: [
        col.id(qr),
        col.epochMs('ts'),
        col.text('actor', 64, true),
        col.text('action', 64),
        col.text('target', 200, true),
        col.text('outcome', 16),
        col.text('ip', 64, true),
        col.longText('detail'),
        col.text('prev_hash', 64),
        col.text('hash', 64),
      ],
      indices: [{ columns: ['ts'] }, { columns: ['action', 'ts'] }],
    });
    await createTable(qr, {
      name: 'app_settings',
      columns: [{ ...col.text('key', 64), isPrimary: true }, col.longText('value')],
    });
    await qr.addColumn('alert_rules', new TableColumn(col.int('owner_id', true)));
    await qr.createForeignKey(
      'alert_rules',
      new TableForeignKey({
        name: 'fk_alert_rules_owner_id',
        columnNames: ['owner_id'],
        referencedTableName: 'users',
        referencedColumnNames: ['id'],
        onDelete: 'SET NULL',
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropForeignKey('alert_rules', 'fk_alert_rules_owner_id');
    await qr.dropColumn('alert_rules', 'owner_id');
    for (const table of ['app_settings', 'security_audit', 'api_keys', 'sessions', 'users']) await qr.dropTable(table, true);
  }
}
