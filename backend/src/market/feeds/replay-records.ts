import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { FeedTick } from './market-feed';

export type ReplayRecord = { tick: FeedTick } | { line: number; reason: string };

function num(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : NaN;
}

function parseTs(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return NaN;
  return /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value);
}

/** Validates one row of ts,symbol,price,volume[,bid,ask]; says what is wrong with it. */
export function toRecord(row: Record<string, unknown>, line: number): ReplayRecord {
  const tsMs = parseTs(row['ts'] ?? row['timestamp']);
  if (Number.isNaN(tsMs)) return { line, reason: 'ts must be ISO-8601 or epoch milliseconds' };
  const symbol = typeof row['symbol'] === 'string' ? row['symbol'].trim().toUpperCase() : '';
  if (!symbol) return { line, reason: 'symbol is missing' };
  const price = num(row['price']);
  if (price === null || Number.isNaN(price)) return { line, reason: 'price must be a number' };
  const volume = num(row['volume']) ?? 0;
  const bid = num(row['bid']);
  const ask = num(row['ask']);
  if (Number.isNaN(volume) || volume < 0) return { line, reason: 'volume must be a non-negative number' };
  if (Number.isNaN(bid) || Number.isNaN(ask)) return { line, reason: 'bid and ask must be numbers when present' };
  return { tick: { symbol, tsMs, price, volume, bid, ask } };
}

async function isJsonLines(file: string): Promise<boolean> {
  if (/\.(jsonl|ndjson)$/i.test(file)) return true;
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').trimStart().startsWith('{');
  } finally {
    await handle.close();
  }
}

/** Streams a CSV (with header) or JSON-lines file record by record; memory stays flat whatever its size. */
export async function* readReplayFile(file: string): AsyncGenerator<ReplayRecord> {
  if (await isJsonLines(file)) {
    let line = 0;
    for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      line++;
      if (text.trim() === '') continue;
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch {
        yield { line, reason: 'not valid JSON' };
        continue;
      }
      yield typeof row === 'object' && row !== null
        ? toRecord(row as Record<string, unknown>, line)
        : { line, reason: 'not a JSON object' };
    }
    return;
  }
  const parser = createReadStream(file).pipe(
    parse({
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }),
  );
  for await (const item of parser as AsyncIterable<{ record: Record<string, unknown>; info: { lines: number } }>) {
    yield toRecord(item.record, item.info.lines);
  }
}
