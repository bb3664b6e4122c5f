import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './helpers/table';

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, {
      name: 'instruments',
      columns: [
        col.id(qr),
        col.text('symbol', 32),
        col.text('name', 200),
        col.text('type', 16),
        col.text('status', 16),
        col.epochMs('last_tick', true),
        col.double('last_price', true),
        col.epochMs('created_at'),
      ],
      indices: [{ columns: ['symbol'], unique: true }],
    });
    await createTable(qr, {
      name: 'ticks',
      columns: [
        col.id(qr, true),
        col.int('instrument_id'),
        col.epochMs('ts'),
        col.double('price'),
        col.double('bid', true),
        col.double('ask', true),
        col.double('volume'),
      ],
      indices: [{ columns: ['instrument_id', 'ts'] }, { columns: ['ts'] }],
      foreignKeys: [{ column: 'instrument_id', references: 'instruments', onDelete: 'CASCADE' }],
    });
    await createTable(qr, {
      name: 'bars_1m',
      columns: [
        col.int('instrument_id'),
        col.epochMs('start_ts'),
        col.double('open'),
        col.double('high'),
        col.double('low'),
        col.double('close'),
        col.double('volume'),
        col.int('tick_count'),
      ],
      primary: ['instrument_id', 'start_ts'],
      foreignKeys: [{ column: 'instrument_id', references: 'instruments', onDelete: 'CASCADE' }],
    });
    await createTable(qr, {
      name: 'alert_rules',
      columns: [
        col.id(qr),
        col.int('instrument_id'),
        col.text('name', 200, true),
        col.longText('description', true),
        col.text('rule_type', 32),
        col.text('condition', 32),
        col.double('threshold'),
        col.bool('active', true),
        col.int('time_window_seconds', true),
        col.int('moving_average_period', true),
        col.int('cooldown_seconds'),
        col.epochMs('last_triggered', true),
        col.int('version'),
        col.epochMs('created_at'),
        col.epochMs('updated_at'),
      ],
      indices: [{ columns: ['instrument_id'] }],
      foreignKeys: [{ column: 'instrument_id', references: 'instruments', onDelete: 'CASCADE' }],
    });
    // No foreign keys: the history of a firing outlives its rule and instrument.
    await createTable(qr, {
      name: 'alert_logs',
      columns: [
        col.id(qr),
        col.epochMs('ts'),
        col.epochMs('created_at'),
        col.int('rule_id'),
        col.int('rule_version'),
        col.text('rule_name', 200, true),
        col.text('rule_type', 32),
        col.text('rule_condition', 32),
        col.int('instrument_id'),
        col.text('instrument_symbol', 32),
        col.double('trigger_value'),
        col.double('threshold_value'),
        col.text('fired_status', 16),
        col.text('delivery_status', 32),
        col.double('evaluation_time_ms'),
        col.longText('alert_message'),
      ],
      indices: [{ columns: ['ts'] }, { columns: ['rule_id', 'ts'] }, { columns: ['instrument_id', 'ts'] }],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ['alert_logs', 'alert_rules', 'bars_1m', 'ticks', 'instruments']) await qr.dropTable(table, true);
  }
}
