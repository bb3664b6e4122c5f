import type { DataSource, EntityManager } from 'typeorm';
import { TickEntity } from './entities/tick.entity';
import type { BarDelta } from './bar-roller';

export interface TickRow {
  instrumentId: number;
  ts: number;
  price: number;
  bid: number | null;
  ask: number | null;
  volume: number;
}

// Stays under SQLite's and PostgreSQL's bound-parameter limits with 6 columns a row.
const INSERT_CHUNK = 2000;

function upsertBarSql(postgres: boolean): string {
  const p = (i: number): string => (postgres ? `$${i}` : '?');
  return (
    `INSERT INTO bars_1m (instrument_id, start_ts, open, high, low, close, volume, tick_count) ` +
    `VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}) ` +
    `ON CONFLICT (instrument_id, start_ts) DO UPDATE SET ` +
    `high = CASE WHEN excluded.high > bars_1m.high THEN excluded.high ELSE bars_1m.high END, ` +
    `low = CASE WHEN excluded.low < bars_1m.low THEN excluded.low ELSE bars_1m.low END, ` +
    // A delta made only of late ticks carries the stored close forward (COALESCE with the old one).
    `close = CASE WHEN ${p(9)} = 1 THEN excluded.close ELSE bars_1m.close END, ` +
    `volume = bars_1m.volume + excluded.volume, tick_count = bars_1m.tick_count + excluded.tick_count`
  );
}

/** Writes tick rows and bar deltas in one transaction per batch. */
export async function writeBatch(
  dataSource: DataSource,
  ticks: TickRow[],
  bars: BarDelta[],
  extra: (manager: EntityManager) => Promise<void>,
): Promise<void> {
  const postgres = dataSource.options.type === 'postgres';
  const sql = upsertBarSql(postgres);
  await dataSource.transaction(async (manager) => {
    for (let i = 0; i < ticks.length; i += INSERT_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(TickEntity)
        .values(ticks.slice(i, i + INSERT_CHUNK))
        .updateEntity(false)
        .execute();
    }
    for (const b of bars) {
      const close = b.close ?? b.open;
      await manager.query(sql, [b.instrumentId, b.startTs, b.open, b.high, b.low, close, b.volume, b.tickCount, b.close === null ? 0 : 1]);
    }
    await extra(manager);
  });
}
