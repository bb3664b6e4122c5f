import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { withCorrelation } from '../logging';
import { createFeed, InstrumentsService, type FeedTick, type MarketFeed, type NormalizedTick } from '../market';
import { TickPipeline } from './tick-pipeline.service';

export interface FeedRunnerStatus {
  kind: string;
  running: boolean;
  ticks_emitted: number;
  detail?: string;
}

/** Starts the configured feed once the app is up and routes its batches through the pipeline. */
@Injectable()
export class FeedRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Feed');
  private feed: MarketFeed | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly instruments: InstrumentsService,
    private readonly pipeline: TickPipeline,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.feed = createFeed(this.config.feed);
    if (!this.feed) return;
    await this.feed.start({
      instruments: () => this.instruments.active().map((i) => ({ symbol: i.symbol, type: i.type, lastPrice: i.lastPrice })),
      emit: (ticks) => withCorrelation(() => this.route(ticks)),
      warn: (message, meta) => this.logger.warn({ message, ...meta }),
      now: () => Date.now(),
    });
    // A replay can end (or fail to open its file) within start(): say what happened, not 'started'.
    const { running, detail } = this.feed.status();
    const why = detail ? `: ${detail}` : '';
    if (running) this.logger.log(`Market feed '${this.feed.kind}' started${why}`);
    else this.logger.warn(`Market feed '${this.feed.kind}' is not running${why}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.feed?.stop();
  }

  status(): FeedRunnerStatus {
    if (!this.feed) return { kind: this.config.feed.kind, running: false, ticks_emitted: 0 };
    return { kind: this.feed.kind, ...this.feed.status() };
  }

  private route(ticks: FeedTick[]): void {
    const normalized: NormalizedTick[] = [];
    for (const t of ticks) {
      const instrument = this.instruments.findBySymbol(t.symbol);
      // An instrument removed or deactivated while the batch was in flight is skipped, not an error.
      if (!instrument || instrument.status !== 'active') continue;
      normalized.push({
        instrumentId: instrument.id,
        symbol: instrument.symbol,
        ts: t.tsMs,
        price: t.price,
        bid: t.bid,
        ask: t.ask,
        volume: t.volume,
      });
    }
    this.pipeline.process(normalized).catch((error: unknown) => this.logger.error({ message: 'Feed batch failed', error }));
  }
}
