import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from './helpers/table';

const SEED: readonly (readonly [string, string, string])[] = [
  ['ES', 'E-mini S&P 500', 'future'],
  ['NQ', 'E-mini Nasdaq-100', 'future'],
  ['YM', 'E-mini Dow Jones', 'future'],
  ['CL', 'Crude Oil', 'future'],
  ['GC', 'Gold', 'future'],
  ['SPX', 'S&P 500 Index', 'index'],
  ['NDX', 'Nasdaq-100 Index', 'index'],
  ['RUT', 'Russell 2000 Index', 'index'],
  ['VIX', 'CBOE Volatility Index', 'internal'],
  ['TICK', 'NYSE TICK', 'internal'],
  ['ADD', 'NYSE Advancing-Declining Issues', 'internal'],
  ['TRIN', 'Arms Index (TRIN)', 'internal'],
];

export class SeedInstruments1763800000001 implements MigrationInterface {
  name = 'SeedInstruments1763800000001';

  async up(qr: QueryRunner): Promise<void> {
    const now = Date.now();
    // Raw SQL, never entities (they change over time); one by one, in contract order, so ids follow it.
    const sql = isPostgres(qr)
      ? `INSERT INTO instruments (symbol, name, type, status, created_at) VALUES ($1, $2, $3, 'active', $4)`
      : `INSERT INTO instruments (symbol, name, type, status, created_at) VALUES (?, ?, ?, 'active', ?)`;
    for (const [symbol, name, type] of SEED) await qr.query(sql, [symbol, name, type, now]);
  }

  async down(qr: QueryRunner): Promise<void> {
    const list = SEED.map(([s]) => `'${s}'`).join(', ');
    await qr.query(`DELETE FROM instruments WHERE symbol IN (${list})`);
  }
}
