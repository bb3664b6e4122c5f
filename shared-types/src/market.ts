export const MAX_TICKS_PER_INGEST = 10_000;

export interface TickInput {
  symbol: string;
  price: number;
  volume?: number;
  bid?: number;
  ask?: number;
  /** ISO-8601; defaults to the time the server received the batch. */
  timestamp?: string;
}

export interface IngestTicksRequest {
  ticks: TickInput[];
}

export interface RejectedTick {
  index: number;
  reason: string;
}

export interface IngestTicksResponse {
  accepted: number;
  rejected: RejectedTick[];
  /** Ticks stored but not evaluated because they are older than the instrument's last evaluated tick. */
  late: number;
}

export interface Bar {
  instrument_id: number;
  symbol: string;
  /** Start of the minute, ISO-8601 UTC. */
  start: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  tick_count: number;
}

export const FEED_KINDS = ['simulated', 'replay', 'none'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];
