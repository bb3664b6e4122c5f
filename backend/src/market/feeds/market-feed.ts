import type { FeedKind } from '@tradeassist/shared-types';

/** One trade or quote as a feed delivers it; `tsMs` is event time (epoch ms), which the engine runs on. */
export interface FeedTick {
  symbol: string;
  tsMs: number;
  price: number;
  bid: number | null;
  ask: number | null;
  volume: number;
}

export interface FeedInstrument {
  symbol: string;
  type: string;
  lastPrice: number | null;
}

/** What the host gives a feed; a feed knows nothing else of the application. */
export interface FeedContext {
  /** Asked every cycle, so instruments added later stream without a restart; only active ones are listed. */
  instruments(): FeedInstrument[];
  /** Delivers a batch; the pipeline evaluates and stores it. */
  emit(ticks: FeedTick[]): void;
  /** Reports a problem (a bad line, a missing file) without stopping the process. */
  warn(message: string, meta?: Record<string, unknown>): void;
  /** Wall clock in epoch ms; injectable for tests. */
  now(): number;
}

export interface FeedStatus {
  running: boolean;
  ticks_emitted: number;
  detail?: string;
}

/** Every configured kind except 'none', which means no feed at all. */
export type MarketFeedKind = Exclude<FeedKind, 'none'>;

/**
 * A market data source. Adding one (e.g. Schwab streaming) is a new file plus a line in feed-registry.ts.
 * start() returns once the feed is running (it never waits for the stream to end) and must not throw
 * for data problems: those go to ctx.warn and status().detail. stop() resolves when nothing more will be emitted.
 */
export interface MarketFeed {
  readonly kind: MarketFeedKind;
  start(ctx: FeedContext): Promise<void>;
  stop(): Promise<void>;
  status(): FeedStatus;
}
