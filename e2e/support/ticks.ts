import type { IngestTicksResponse } from '@tradeassist/shared-types';

export interface PastTick {
  symbol: string;
  price: number;
  volume?: number;
  timestamp: string;
}

/** Stores ticks with their own timestamps through the ingest API, as a feed would. */
export async function pushTicks(baseUrl: string, apiKey: string, ticks: readonly PastTick[]): Promise<IngestTicksResponse> {
  const res = await fetch(`${baseUrl}/api/market/ticks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ ticks: ticks.map((t) => ({ volume: 1, ...t })) }),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status >= 300) throw new Error(`tick ingest failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as IngestTicksResponse;
}

/** `count` ticks one minute apart, each a point above the last, the first `startMinutesAgo` minutes before `now`. */
export function risingMinuteTicks(
  symbol: string,
  count: number,
  startMinutesAgo: number,
  startPrice: number,
  now = Date.now(),
): PastTick[] {
  const start = Math.floor(now / 60_000) * 60_000 - startMinutesAgo * 60_000;
  return Array.from({ length: count }, (_, i) => ({
    symbol,
    price: startPrice + i,
    timestamp: new Date(start + i * 60_000 + 5_000).toISOString(),
  }));
}
