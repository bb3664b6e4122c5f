import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream';
import type { FeedTick } from './market-feed';

/** A parsed line of a replay file: a tick, or the reason it was rejected. `line` is 1-based, header included. */
export type ReplayRecord = { ok: true; line: number; tick: FeedTick } | { ok: false; line: number; reason: string };

export type ReplayFormat = 'csv' | 'jsonl';

const SYMBOL = /^[A-Z0-9][A-Z0-9._/^$-]{0,31}$/;
const EPOCH_MS = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const REQUIRED_COLUMNS = ['symbol', 'price'] as const;

/** Tick files never need quoting; a decorative pair of quotes ("ES") is dropped. */
function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).trim() : v;
}

/** undefined when absent, NaN when present but not a finite number. */
function numberField(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  const text = unquote(value);
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : NaN;
}

function parseTs(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : NaN;
  if (typeof value !== 'string') return NaN;
  const text = unquote(value);
  if (EPOCH_MS.test(text)) return Math.round(Number(text));
  return ISO_DATE.test(text) ? Date.parse(text) : NaN;
}

/** Validates one row of ts,symbol,price,volume[,bid,ask] (`timestamp` is accepted for `ts`, as in the ingest API). */
export function toRecord(row: Readonly<Record<string, unknown>>, line: number): ReplayRecord {
  const bad = (reason: string): ReplayRecord => ({ ok: false, line, reason });
  const tsMs = parseTs(row['ts'] ?? row['timestamp']);
  if (Number.isNaN(tsMs)) return bad('ts must be ISO-8601 or epoch milliseconds');
  const rawSymbol = row['symbol'];
  const symbol = typeof rawSymbol === 'string' ? unquote(rawSymbol).toUpperCase() : '';
  if (symbol === '') return bad('symbol is missing');
  if (!SYMBOL.test(symbol)) return bad(`symbol "${symbol.slice(0, 40)}" is not a valid symbol`);
  const price = numberField(row['price']);
  if (price === undefined || Number.isNaN(price)) return bad('price must be a number');
  const volume = numberField(row['volume']) ?? 0;
  if (Number.isNaN(volume) || volume < 0) return bad('volume must be a non-negative number');
  const bid = numberField(row['bid']);
  const ask = numberField(row['ask']);
  if (Number.isNaN(bid) || Number.isNaN(ask)) return bad('bid and ask must be numbers when present');
  return { ok: true, line, tick: { symbol, tsMs, price, bid: bid ?? null, ask: ask ?? null, volume } };
}

/** JSON lines by extension (.jsonl, .ndjson), CSV by extension (.csv), otherwise by the first non-blank character. */
export async function detectFormat(file: string): Promise<ReplayFormat> {
  if (/\.(jsonl|ndjson)$/i.test(file)) return 'jsonl';
  if (/\.csv$/i.test(file)) return 'csv';
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('{')
      ? 'jsonl'
      : 'csv';
  } finally {
    await handle.close();
  }
}

async function* readJsonLines(file: string): AsyncGenerator<ReplayRecord> {
  const input = createReadStream(file);
  try {
    let line = 0;
    for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch {
        yield { ok: false, line, reason: 'not valid JSON' };
        continue;
      }
      yield typeof row === 'object' && row !== null && !Array.isArray(row)
        ? toRecord(row as Record<string, unknown>, line)
        : { ok: false, line, reason: 'not a JSON object' };
    }
  } finally {
    input.destroy();
  }
}

function csvColumns(header: string[]): string[] {
  const columns = header.map((c) => unquote(c).toLowerCase());
  const missing = [...REQUIRED_COLUMNS, 'ts'].filter((c) => !columns.includes(c) && !(c === 'ts' && columns.includes('timestamp')));
  if (missing.length > 0) {
    throw new Error(`CSV header must name ts, symbol and price (missing ${missing.join(', ')}; got "${header.join(',').slice(0, 200)}")`);
  }
  return columns;
}

interface CsvRow {
  record: Record<string, string>;
  info: { lines: number };
}

async function* readCsv(file: string): AsyncGenerator<ReplayRecord> {
  const input = createReadStream(file);
  // Quotes are off: one stray quote would otherwise swallow every line up to the next one. Fields of a
  // tick file never hold commas, so nothing is lost, and each bad line stays a bad line of its own.
  const parser = parse({
    columns: csvColumns,
    bom: true,
    quote: false,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  });
  // pipeline (unlike pipe) forwards a read error (EISDIR, EACCES) to the parser, where the loop sees it.
  pipeline(input, parser, () => undefined);
  try {
    for await (const row of parser as AsyncIterable<CsvRow>) yield toRecord(row.record, row.info.lines);
  } finally {
    parser.destroy();
    input.destroy();
  }
}

/** Streams a replay file record by record; memory stays flat whatever the file's size. */
export async function* readReplayFile(file: string): AsyncGenerator<ReplayRecord> {
  yield* (await detectFormat(file)) === 'jsonl' ? readJsonLines(file) : readCsv(file);
}
