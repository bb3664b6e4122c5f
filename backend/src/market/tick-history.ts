import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TickEntity } from './entities/tick.entity';
import { MarketDataService } from './market-data.service';

/** Where a page of stored ticks ended: the next page starts after it. */
export interface TickCursor {
  ts: number;
  id: number;
}

/** Stored ticks of one instrument over a time range, in order, page by page (for backtests). */
@Injectable()
export class TickHistory {
  constructor(
    @InjectRepository(TickEntity) private readonly repo: Repository<TickEntity>,
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
