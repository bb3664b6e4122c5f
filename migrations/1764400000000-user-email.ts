import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './helpers/table';

/** Where a user's e-mail notifications go. */
export class UserEmail1764400000000 implements MigrationInterface {
  name = 'UserEmail1764400000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('users', new TableColumn(col.text('email', 254, true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('users', 'email');
  }
}
