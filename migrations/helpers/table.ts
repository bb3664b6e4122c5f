import { Table, TableForeignKey, TableIndex, type QueryRunner, type TableColumnOptions } from 'typeorm';

/**
 * A small DSL over TypeORM's Table API so one migration serves SQLite and PostgreSQL: it picks the
 * id type each engine can auto-increment and spells the portable column types once.
 */
export function isPostgres(qr: QueryRunner): boolean {
  return qr.connection.driver.options.type === 'postgres';
}

export const col = {
  /** big: a high-volume table (ticks) that may pass 2^31 rows on PostgreSQL. */
  id: (qr: QueryRunner, big = false): TableColumnOptions => ({
    name: 'id',
    // SQLite only auto-increments an INTEGER PRIMARY KEY (64-bit there anyway).
    type: big && isPostgres(qr) ? 'bigint' : 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
  /** Milliseconds since the epoch (UTC): portable, sortable, no time-zone surprises. */
  epochMs: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable }),
  double: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'double precision', isNullable: nullable }),
  text: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  longText: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  bool: (name: string, defaultValue: boolean): TableColumnOptions => ({ name, type: 'boolean', default: defaultValue }),
};

export interface TableSpec {
  name: string;
  columns: TableColumnOptions[];
  primary?: string[];
  indices?: { columns: string[]; unique?: boolean }[];
  foreignKeys?: { column: string; references: string; onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT' }[];
}

export async function createTable(qr: QueryRunner, spec: TableSpec): Promise<void> {
  const columns = spec.primary ? spec.columns.map((c) => (spec.primary?.includes(c.name) ? { ...c, isPrimary: true } : c)) : spec.columns;
  await qr.createTable(
    new Table({
      name: spec.name,
      columns,
      indices: (spec.indices ?? []).map(
        (i) => new TableIndex({ name: `ix_${spec.name}_${i.columns.join('_')}`, columnNames: i.columns, isUnique: i.unique ?? false }),
      ),
      foreignKeys: (spec.foreignKeys ?? []).map(
        (fk) =>
          new TableForeignKey({
            name: `fk_${spec.name}_${fk.column}`,
            columnNames: [fk.column],
            referencedTableName: fk.references,
            referencedColumnNames: ['id'],
            onDelete: fk.onDelete,
          }),
      ),
    }),
    true,
  );
}
