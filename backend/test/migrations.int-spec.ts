import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function roundTrip(options: DataSourceOptions): Promise<void> {
  const ds = await new DataSource({ ...options, migrations: MIGRATIONS, synchronize: false, logging: false }).initialize();
  try {
    await ds.runMigrations();
    const rows = await ds.query<{ symbol: string }[]>('SELECT symbol FROM instruments ORDER BY id');
    expect(rows.map((r) => r.symbol)).toEqual(['ES', 'NQ', 'YM', 'CL', 'GC', 'SPX', 'NDX', 'RUT', 'VIX', 'TICK', 'ADD', 'TRIN']);
    // The bar upsert the tick writer relies on must work on this engine too.
    await ds.query(
      options.type === 'postgres'
        ? 'INSERT INTO bars_1m (instrument_id, start_ts, open, high, low, close, volume, tick_count) VALUES ($1,$2,1,1,1,1,1,1) ON CONFLICT (instrument_id, start_ts) DO UPDATE SET volume = bars_1m.volume + excluded.volume'
        : 'INSERT INTO bars_1m (instrument_id, start_ts, open, high, low, close, volume, tick_count) VALUES (?,?,1,1,1,1,1,1) ON CONFLICT (instrument_id, start_ts) DO UPDATE SET volume = bars_1m.volume + excluded.volume',
      [1, 0],
    );
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
    const left = await ds.query<unknown[]>(
      options.type === 'postgres'
        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('instruments','ticks','bars_1m','alert_rules','alert_logs')"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('instruments','ticks','bars_1m','alert_rules','alert_logs')",
    );
    expect(left).toEqual([]);
  } finally {
    await ds.destroy();
  }
}

describe('migrations run up and down on both engines', () => {
  it('SQLite (better-sqlite3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mig-'));
    try {
      await roundTrip({ type: 'better-sqlite3', database: join(dir, 'm.db') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL', async () => {
    const schema = `mig_${process.pid}_${Date.now()}`;
    const admin = await new DataSource({ type: 'postgres', url: PG_URL }).initialize();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      await roundTrip({ type: 'postgres', url: PG_URL, schema, extra: { options: `-c search_path=${schema}` } });
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.destroy();
    }
  });
});
