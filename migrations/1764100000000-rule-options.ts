import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './helpers/table';

/** Rule options (trigger mode, hysteresis, expiry, priority, channels, message template) as one JSON document; null means the defaults. */
export class RuleOptions1764100000000 implements MigrationInterface {
  name = 'RuleOptions1764100000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('alert_rules', new TableColumn(col.longText('options', true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('alert_rules', 'options');
  }
}
