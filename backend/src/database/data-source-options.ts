import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config';
import { MIGRATIONS } from '../../../migrations';

export const SQLITE_FILE = 'tradeassist.db';

export function resolveDataDir(dataDir: string): string {
  return isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir);
}

/** SQLite in DATA_DIR by default; DATABASE_URL switches to PostgreSQL. Schema only ever by migrations. */
export function dataSourceOptions(config: AppConfig, entities: DataSourceOptions['entities']): DataSourceOptions {
  const common = { entities, migrations: MIGRATIONS, migrationsRun: true, synchronize: false, logging: false } as const;
  if (config.database.url) {
    return { ...common, type: 'postgres', url: config.database.url, extra: { max: 10 } };
  }
  const dir = resolveDataDir(config.database.data_dir);
  mkdirSync(dir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: join(dir, SQLITE_FILE),
    enableWAL: true,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      // With batched commits FULL costs the same as NORMAL and survives power loss.
      db.pragma('synchronous = FULL');
    },
  };
}
