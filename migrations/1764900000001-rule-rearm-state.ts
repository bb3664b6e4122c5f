import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './helpers/table';

/** Re-arm hysteresis kept across restarts: the price a fired rule waits to move back from (null: armed), and when that last changed. */
export class RuleRearmState1764900000001 implements MigrationInterface {
  name = 'RuleRearmState1764900000001';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns('alert_rules', [new TableColumn(col.double('rearm_price', true)), new TableColumn(col.epochMs('rearm_at', true))]);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumns('alert_rules', ['rearm_price', 'rearm_at']);
  }
}
