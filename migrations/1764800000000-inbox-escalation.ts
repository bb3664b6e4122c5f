import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './helpers/table';

/** When an unacknowledged urgent entry was escalated to the next channel (so it is escalated once). */
export class InboxEscalation1764800000000 implements MigrationInterface {
  name = 'InboxEscalation1764800000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('inbox', new TableColumn(col.epochMs('escalated_at', true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('inbox', 'escalated_at');
  }
}
