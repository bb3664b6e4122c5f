import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, createTable } from './helpers/table';

/** Rule templates users save (built-in ones live in the code). */
export class RuleTemplates1764200000000 implements MigrationInterface {
  name = 'RuleTemplates1764200000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, {
      name: 'rule_templates',
      columns: [
        col.id(qr),
        col.int('owner_id', true),
        col.text('name', 200),
        col.longText('description'),
        col.text('symbol', 32, true),
        col.longText('body'),
        col.epochMs('created_at'),
      ],
      indices: [{ columns: ['owner_id'] }],
      foreignKeys: [{ column: 'owner_id', references: 'users', onDelete: 'CASCADE' }],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('rule_templates', true);
  }
}
