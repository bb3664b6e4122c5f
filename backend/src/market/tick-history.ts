import { barStart } from '@tradeassist/shared-types';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import { BAR_MS } from './bar-roller';
import { BarEntity } from './entities/bar.entity';
import { TickEntity } from './entities/tick.entity';
import { MarketDataService } from './market-data.service';

/** Where a page of stored ticks ended: the next page starts after it. */
export interface TickCursor {
  ts: number;
  id: number;
}

/** A bar of any length, rolled up from the stored 1-minute bars. */
export interface HistoryBar {
  startMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Stored ticks of one instrument over a time range, in order, page by page (for backtests), and its recent bars. */
@Injectable()
export class TickHistory {
  constructor(
    @InjectRepository(TickEntity) private readonly repo: Repository<TickEntity>,
    @InjectRepository(BarEntity) private readonly bars: Repository<BarEntity>,
    private readonly market: MarketDataService,
  ) {}

  /** Ticks in [fromMs, toMs], after writing whatever is still buffered so the range is complete. */
  async count(instrumentId: number, fromMs: number, toMs: number): Promise<number> {
    await this.market.flush();
    return this.repo
      .createQueryBuilder('t')
      .where('t.instrument_id = :instrumentId AND t.ts >= :fromMs AND t.ts <= :toMs', { instrumentId, fromMs, toMs })
      .getCount();
  }

  /**
   * The latest `count` bars of `intervalMs` (a multiple of a minute), oldest first, from the stored
   * 1-minute bars; with `beforeMs`, the latest that end before the bar holding that time.
   */
  async recentBars(instrumentId: number, intervalMs: number, count: number, beforeMs?: number): Promise<HistoryBar[]> {
    await this.market.flush();
    const perBar = Math.max(1, Math.round(intervalMs / BAR_MS));
    const cutoff = beforeMs === undefined ? undefined : barStart(beforeMs, intervalMs);
    const minutes = await this.bars.find({
      where: { instrumentId, ...(cutoff !== undefined && { startTs: LessThan(cutoff) }) },
      order: { startTs: 'DESC' },
      take: count * perBar,
    });
    const out: HistoryBar[] = [];
    for (const m of minutes.reverse()) {
      const start = barStart(m.startTs, intervalMs);
      const last = out.at(-1);
      if (last && last.startMs === start) {
        last.high = Math.max(last.high, m.high);
        last.low = Math.min(last.low, m.low);
        last.close = m.close;
        last.volume += m.volume;
      } else {
        out.push({ startMs: start, open: m.open, high: m.high, low: m.low, close: m.close, volume: m.volume });
      }
    }
    return out.slice(-count);
  }

  /** Up to `limit` ticks after the cursor (keyset: stable and fast however deep the page), by time then id. */
  page(instrumentId: number, fromMs: number, toMs: number, after: TickCursor | null, limit: number): Promise<TickEntity[]> {
    const q = this.repo
      .createQueryBuilder('t')
      .where('t.instrument_id = :instrumentId AND t.ts <= :toMs', { instrumentId, toMs })
      .orderBy('t.ts', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .take(limit);
    if (after) q.andWhere('(t.ts > :ts OR (t.ts = :ts AND t.id > :id))', after);
    else q.andWhere('t.ts >= :fromMs', { fromMs });
    return q.getMany();
  }
}
