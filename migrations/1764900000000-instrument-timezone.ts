import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './helpers/table';

/** Each instrument's market timezone (IANA): custom rule sessions without a timezone of their own run in it. The seeded instruments are US markets. */
export class InstrumentTimezone1764900000000 implements MigrationInterface {
  name = 'InstrumentTimezone1764900000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('instruments', new TableColumn({ ...col.text('timezone', 64), default: "'America/New_York'" }));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('instruments', 'timezone');
  }
}
