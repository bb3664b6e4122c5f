import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { statfs } from 'node:fs/promises';
import { APP_CONFIG, type AppConfig } from '../../config';
import { MarketDataService } from '../../market';
import { SystemEventsService } from './system-events.service';

const CHECK_EVERY_MS = 30_000;

/** Free bytes on the disk that holds the directory. */
async function freeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

/**
 * Watches what an administrator must be told about without being asked: the market feed going
 * quiet (and coming back) and the data disk running low. Each finding becomes a system event.
 */
@Injectable()
export class SystemWatchService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SystemWatchService.name);
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | undefined;
  private feedDown = false;
  private storageLow = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly market: MarketDataService,
    private readonly events: SystemEventsService,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(
      () => void this.check().catch((error: unknown) => this.logger.error({ message: 'System check failed', error })),
      CHECK_EVERY_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One round of checks; `free` overrides the disk reading (tests). */
  async check(now = Date.now(), free?: number): Promise<void> {
    await this.checkFeed(now);
    await this.checkStorage(free ?? (await freeBytes(this.config.database.data_dir)));
  }

  private async checkFeed(now: number): Promise<void> {
    const limit = this.config.market.stale_after_seconds;
    const staleness = this.market.freshness.stalenessSeconds(now);
    // Without a feed of its own the app only hears ingested ticks: silence is news only once ticks have come.
    const expecting = this.config.feed.kind !== 'none' || staleness !== null;
    const down = expecting && (staleness === null ? (now - this.startedAt) / 1000 > limit * 2 : staleness > limit);
    if (down === this.feedDown) return;
    this.feedDown = down;
    if (down) {
      this.events.reset('feed_restored');
      await this.events.raise({
        type: 'feed_down',
        priority: 'high',
        title: 'The market feed is down',
        body:
          staleness === null
            ? `No tick has arrived since the server started (feed: ${this.config.feed.kind}). Alerts cannot fire until prices flow.`
            : `No tick for ${Math.round(staleness)} s (feed: ${this.config.feed.kind}). Alerts cannot fire until prices flow again.`,
        details: { feed: this.config.feed.kind, staleness_seconds: staleness },
      });
    } else {
      this.events.reset('feed_down');
      await this.events.raise({
        type: 'feed_restored',
        priority: 'normal',
        title: 'The market feed is back',
        body: 'Ticks are arriving again; alerts fire as usual.',
        details: { feed: this.config.feed.kind },
      });
    }
  }

  private async checkStorage(free: number): Promise<void> {
    const limitMb = this.config.notifications.storage_low_mb;
    // A little slack before clearing, so a disk hovering at the limit does not raise it over and over.
    const low = limitMb > 0 && free < limitMb * 1_048_576 * (this.storageLow ? 1.05 : 1);
    if (low === this.storageLow) return;
    this.storageLow = low;
    if (!low) return;
    await this.events.raise({
      type: 'storage_low',
      priority: 'high',
      title: 'Storage is running low',
      body: `${Math.round(free / 1_048_576)} MB free on the disk of ${this.config.database.data_dir} (the limit is ${limitMb} MB). Free space or move DATA_DIR before writes fail.`,
      details: { free_mb: Math.round(free / 1_048_576), limit_mb: limitMb, data_dir: this.config.database.data_dir },
    });
  }
}
