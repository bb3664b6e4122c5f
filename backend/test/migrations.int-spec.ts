import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database as the release before rule history left it: one user, one rule at version 2. */
async function beforeRuleHistory(options: DataSourceOptions): Promise<void> {
  const ds = await new DataSource({ ...options, migrations: MIGRATIONS.slice(0, 3), synchronize: false, logging: false }).initialize();
  try {
    await ds.runMigrations();
    const p = (n: number): string => Array.from({ length: n }, (_, i) => (options.type === 'postgres' ? `$${i + 1}` : '?')).join(', ');
    await ds.query(
      `INSERT INTO users (username, password_hash, role, must_change_password, disabled, failed_logins, created_at, updated_at) VALUES (${p(8)})`,
      ['ann', 'x', 'trader', false, false, 0, 1, 1],
    );
    await ds.query(
      'INSERT INTO alert_rules (instrument_id, name, rule_type, condition, threshold, active, time_window_seconds, cooldown_seconds, version, created_at, updated_at, owner_id) ' +
        `VALUES (${p(12)})`,
      [1, 'old rule', 'rate_of_change', 'percent_change_up', 1.5, true, 30, 60, 2, 1000, 2000, 1],
    );
  } finally {
    await ds.destroy();
  }
}

async function roundTrip(options: DataSourceOptions): Promise<void> {
  await beforeRuleHistory(options);
  const ds = await new DataSource({ ...options, migrations: MIGRATIONS, synchronize: false, logging: false }).initialize();
  try {
    await ds.runMigrations();
    const history = await ds.query<{ rule_id: number; version: number; change: string; changed_by: string; definition: string }[]>(
      'SELECT rule_id, version, change, changed_by, definition FROM rule_versions',
    );
    expect(history.map((h) => [Number(h.rule_id), Number(h.version), h.change, h.changed_by])).toEqual([[1, 2, 'updated', 'ann']]);
    expect(JSON.parse(history[0]?.definition ?? '{}')).toEqual({
      instrument_id: 1,
      rule_type: 'rate_of_change',
      condition: 'percent_change_up',
      threshold: 1.5,
      active: true,
      name: 'old rule',
      description: null,
      time_window_seconds: 30,
      moving_average_period: null,
      cooldown_seconds: 60,
    });
    const rows = await ds.query<{ symbol: string; timezone: string }[]>('SELECT symbol, timezone FROM instruments ORDER BY id');
    expect(rows.map((r) => r.symbol)).toEqual(['ES', 'NQ', 'YM', 'CL', 'GC', 'SPX', 'NDX', 'RUT', 'VIX', 'TICK', 'ADD', 'TRIN']);
    // Added to a table that already had rows: the seeded US instruments take the default.
    expect(new Set(rows.map((r) => r.timezone))).toEqual(new Set(['America/New_York']));
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
        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('instruments','ticks','bars_1m','alert_rules','alert_logs','rule_versions','rule_templates','notifications','inbox','notification_preferences','system_events','channel_settings')"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('instruments','ticks','bars_1m','alert_rules','alert_logs','rule_versions','rule_templates','notifications','inbox','notification_preferences','system_events','channel_settings')",
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
