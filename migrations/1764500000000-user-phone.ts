import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './helpers/table';

/** Where a user's SMS notifications go (E.164). */
export class UserPhone1764500000000 implements MigrationInterface {
  name = 'UserPhone1764500000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('users', new TableColumn(col.text('phone', 20, true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('users', 'phone');
  }
}
