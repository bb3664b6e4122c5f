import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, createTable, isPostgres } from './helpers/table';

interface RuleRow {
  id: number;
  instrument_id: number;
  rule_type: string;
  condition: string;
  threshold: number;
  active: boolean | number;
  name: string | null;
  description: string | null;
  time_window_seconds: number | null;
  moving_average_period: number | null;
  cooldown_seconds: number;
  version: number;
  updated_at: number | string;
  owner: string | null;
}

/**
 * Rule history and firing explanations. rule_versions has no foreign key to alert_rules: a rule's
 * history (and the definitions its firings point at) outlives the rule.
 */
export class RuleHistory1764000000000 implements MigrationInterface {
  name = 'RuleHistory1764000000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTable(qr, {
      name: 'rule_versions',
      columns: [
        col.int('rule_id'),
        col.int('version'),
        col.text('change', 16),
        col.text('changed_by', 64, true),
        col.epochMs('changed_at'),
        col.longText('definition'),
      ],
      primary: ['rule_id', 'version'],
    });
    await qr.addColumn('alert_logs', new TableColumn(col.longText('explanation', true)));
    await this.backfill(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('alert_logs', 'explanation');
    await qr.dropTable('rule_versions', true);
  }

  /** Existing rules start their history at their current version (earlier ones were never kept). */
  private async backfill(qr: QueryRunner): Promise<void> {
    const rows = (await qr.query(
      'SELECT r.*, u.username AS owner FROM alert_rules r LEFT JOIN users u ON u.id = r.owner_id ORDER BY r.id',
    )) as RuleRow[];
    const p = (i: number): string => (isPostgres(qr) ? `$${i}` : '?');
    const insert = `INSERT INTO rule_versions (rule_id, version, change, changed_by, changed_at, definition) VALUES (${[1, 2, 3, 4, 5, 6].map(p).join(', ')})`;
    for (const r of rows) {
      const definition = {
        instrument_id: Number(r.instrument_id),
        rule_type: r.rule_type,
        condition: r.condition,
        threshold: Number(r.threshold),
        active: Boolean(r.active),
        name: r.name,
        description: r.description,
        time_window_seconds: r.time_window_seconds === null ? null : Number(r.time_window_seconds),
        moving_average_period: r.moving_average_period === null ? null : Number(r.moving_average_period),
        cooldown_seconds: Number(r.cooldown_seconds),
      };
      await qr.query(insert, [
        r.id,
        r.version,
        Number(r.version) === 1 ? 'created' : 'updated',
        r.owner,
        Number(r.updated_at),
        JSON.stringify(definition),
      ]);
    }
  }
}
