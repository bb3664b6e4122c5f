import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A server secret kept in app_settings, created on first use (shared by every replica through the database). */
export async function loadOrCreateSecret(dataSource: DataSource, key: string): Promise<string> {
  const read = async (): Promise<string | undefined> =>
    (
      await dataSource
        .createQueryBuilder()
        .select('value')
        .from('app_settings', 's')
        .where('s.key = :key', { key })
        .getRawOne<{ value: string }>()
    )?.value;
  const existing = await read();
  if (existing) return existing;
  await dataSource
    .createQueryBuilder()
    .insert()
    .into('app_settings')
    .values({ key, value: randomBytes(48).toString('base64url') })
    .orIgnore()
    .execute();
  // Re-read: if another replica won the race, everyone uses its value.
  const value = await read();
  if (!value) throw new Error(`Could not create setting ${key}`);
  return value;
}
