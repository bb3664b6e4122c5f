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

export interface FeedContext {
  /** Asked every cycle, so instruments added later stream without a restart; only active ones are listed. */
  instruments(): FeedInstrument[];
  /** Delivers a batch; the pipeline evaluates and stores it. */
  emit(ticks: FeedTick[]): void;
  /** Reports a problem (a bad line, a missing file) without stopping the process. */
  warn(message: string, meta?: Record<string, unknown>): void;
  now(): number;
}

export interface FeedStatus {
  running: boolean;
  ticks_emitted: number;
  detail?: string;
}

/** A market data source. Adding one (e.g. Schwab) is a new file plus a line in feed-registry.ts. */
export interface MarketFeed {
  readonly kind: string;
  start(ctx: FeedContext): Promise<void>;
  stop(): Promise<void>;
  status(): FeedStatus;
}
