import type { RejectedTick } from '@tradeassist/shared-types';
import type { NormalizedTick } from '../market';

export interface InstrumentLookup {
  findBySymbol(symbol: string): { id: number; symbol: string; status: string } | undefined;
}

const KNOWN_FIELDS = new Set(['symbol', 'price', 'volume', 'bid', 'ask', 'timestamp']);
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function optionalNumber(value: unknown, field: string, min?: number): number | null | string {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${field} must be a finite number`;
  if (min !== undefined && value < min) return `${field} must not be less than ${min}`;
  return value;
}

/**
 * Checks one ingested tick and says exactly why it is refused, so a client can fix its data;
 * returns the normalized tick or the reason.
 */
export function normalizeTick(raw: unknown, instruments: InstrumentLookup, receivedAt: number): NormalizedTick | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'tick must be a JSON object';
  const t = raw as Record<string, unknown>;
  const unknown = Object.keys(t).filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length > 0) return `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}`;
  if (typeof t['symbol'] !== 'string' || t['symbol'].trim() === '') return 'symbol is required';
  const instrument = instruments.findBySymbol(t['symbol'].trim());
  if (!instrument) return `Unknown symbol '${t['symbol'].trim().toUpperCase()}'`;
  if (instrument.status !== 'active') return `Instrument '${instrument.symbol}' is ${instrument.status}; activate it to stream ticks`;
  if (t['price'] === undefined || t['price'] === null) return 'price is required';
  if (typeof t['price'] !== 'number' || !Number.isFinite(t['price'])) return 'price must be a finite number';
  const volume = optionalNumber(t['volume'], 'volume', 0);
  if (typeof volume === 'string') return volume;
  const bid = optionalNumber(t['bid'], 'bid');
  if (typeof bid === 'string') return bid;
  const ask = optionalNumber(t['ask'], 'ask');
  if (typeof ask === 'string') return ask;
  if (bid !== null && ask !== null && bid > ask) return 'bid must not be greater than ask';
  let ts = receivedAt;
  if (t['timestamp'] !== undefined && t['timestamp'] !== null) {
    const parsed = typeof t['timestamp'] === 'string' && ISO_DATE_TIME.test(t['timestamp']) ? Date.parse(t['timestamp']) : NaN;
    if (Number.isNaN(parsed)) return 'timestamp must be an ISO-8601 date-time such as 2026-11-22T14:30:00.125Z';
    if (parsed > receivedAt + MAX_FUTURE_SKEW_MS) return 'timestamp is more than 5 minutes in the future';
    ts = parsed;
  }
  return { instrumentId: instrument.id, symbol: instrument.symbol, ts, price: t['price'], bid, ask, volume: volume ?? 0 };
}

export function normalizeBatch(
  raws: readonly unknown[],
  instruments: InstrumentLookup,
  receivedAt: number,
): { ticks: NormalizedTick[]; rejected: RejectedTick[] } {
  const ticks: NormalizedTick[] = [];
  const rejected: RejectedTick[] = [];
  raws.forEach((raw, index) => {
    const result = normalizeTick(raw, instruments, receivedAt);
    if (typeof result === 'string') rejected.push({ index, reason: result });
    else ticks.push(result);
  });
  return { ticks, rejected };
}
