import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MoreThanOrEqual, type DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { BarRoller } from './bar-roller';
import { BarEntity } from './entities/bar.entity';
import { TickEntity } from './entities/tick.entity';
import { FeedFreshness } from './feed-freshness';
import { InstrumentsService } from './instruments.service';
import { writeBatch, type TickRow } from './tick-writer';

export interface NormalizedTick extends TickRow {
  symbol: string;
}

function startOfUtcDay(nowMs: number): number {
  return nowMs - (nowMs % 86_400_000);
}

/**
 * Market data bookkeeping for every tick: buffered storage (one transaction per batch, never one
 * insert per tick), 1-minute bars, last prices and feed freshness.
 */
@Injectable()
export class MarketDataService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MarketDataService.name);
  private buffer: TickRow[] = [];
  private readonly bars = new BarRoller();
  readonly freshness = new FeedFreshness();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instruments: InstrumentsService,
  ) {}

  onModuleInit(): void {
    this.instruments.events.on('removed', (id) => this.forget(id));
    this.timer = setInterval(() => void this.flush(), this.config.market.tick_flush_ms);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Hot path: synchronous, in memory. inOrder is false for late ticks (stored, not evaluated). */
  record(tick: NormalizedTick, inOrder: boolean): void {
    this.buffer.push({
      instrumentId: tick.instrumentId,
      ts: tick.ts,
      price: tick.price,
      bid: tick.bid,
      ask: tick.ask,
      volume: tick.volume,
    });
    this.bars.add(tick.instrumentId, tick.ts, tick.price, tick.volume, inOrder);
    if (inOrder) this.instruments.recordLastTick(tick.instrumentId, tick.price, tick.ts);
    if (this.buffer.length >= this.config.market.tick_flush_size) void this.flush();
  }

  noteBatch(count: number, newestTs: number): void {
    this.freshness.record(count, newestTs, Date.now());
  }

  /** Writes everything buffered so far; calls are serialized so batches land in order. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writeBuffered());
    return this.writing;
  }

  async ticksSince(sinceMs: number): Promise<number> {
    return this.dataSource.getRepository(TickEntity).countBy({ ts: MoreThanOrEqual(sinceMs) });
  }

  ticksToday(): Promise<number> {
    return this.ticksSince(startOfUtcDay(Date.now()));
  }

  async recentBars(instrumentId: number, limit: number): Promise<BarEntity[]> {
    const rows = await this.dataSource.getRepository(BarEntity).find({ where: { instrumentId }, order: { startTs: 'DESC' }, take: limit });
    return rows.reverse();
  }

  private async writeBuffered(): Promise<void> {
    if (this.buffer.length === 0 && this.bars.size === 0) {
      if (this.instrumentsDirty()) await this.dataSource.transaction((m) => this.instruments.persistLastTicks(m));
      return;
    }
    // An instrument deleted while its ticks waited (or while this batch was being written) takes them with it.
    const known = (row: { instrumentId: number }): boolean => this.instruments.findById(row.instrumentId) !== undefined;
    const ticks = this.buffer.filter(known);
    const bars = this.bars.drain().filter(known);
    this.buffer = [];
    try {
      await writeBatch(this.dataSource, ticks, bars, (m) => this.instruments.persistLastTicks(m));
    } catch (error) {
      if (isConstraintViolation(error)) {
        // The same rows would fail again on every retry, holding back every tick after them.
        this.logger.error({ message: 'Tick batch refused by the database; dropped', ticks: ticks.length, error });
        return;
      }
      // A transient failure (disk, lock, connection): keep ticks and bars for the next attempt.
      this.buffer = ticks.concat(this.buffer);
      this.bars.restore(bars);
      this.logger.error({ message: 'Tick batch write failed; will retry', ticks: ticks.length, error });
    }
  }

  private forget(instrumentId: number): void {
    this.buffer = this.buffer.filter((t) => t.instrumentId !== instrumentId);
    this.bars.forget(instrumentId);
  }

  private instrumentsDirty(): boolean {
    return this.instruments.hasDirty();
  }
}

/** SQLite's SQLITE_CONSTRAINT_* or PostgreSQL's class 23 (integrity constraint violation). */
function isConstraintViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e.driverError?.code ?? e.code;
  if (typeof code !== 'string') return false;
  return code.startsWith('SQLITE_CONSTRAINT') || /^23\d{3}$/.test(code);
}
