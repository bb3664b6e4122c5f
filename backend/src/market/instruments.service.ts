import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EventEmitter } from 'node:events';
import type { EntityManager, Repository } from 'typeorm';
import { DEFAULT_INSTRUMENT_TIMEZONE, type Instrument } from '@tradeassist/shared-types';
import { BadRequestError, NotFoundError, toIso } from '../common';
import type { CreateInstrumentDto, InstrumentQueryDto, UpdateInstrumentDto } from './dto/instrument.dto';
import { InstrumentEntity } from './entities/instrument.entity';

export interface InstrumentEvents {
  removed: [instrumentId: number];
  /** On create and on a change of timezone: the rule engine's sessions follow it. */
  timezone: [instrumentId: number, timezone: string];
}

export function toInstrumentDto(e: InstrumentEntity): Instrument {
  return {
    id: e.id,
    symbol: e.symbol,
    name: e.name,
    type: e.type,
    status: e.status,
    last_tick: toIso(e.lastTick),
    last_price: e.lastPrice,
    timezone: e.timezone,
    created_at: toIso(e.createdAt) ?? '',
  };
}

/**
 * Instruments, kept in memory after boot so the tick path resolves a symbol and updates the last
 * price without touching the database; last prices are written back in the tick writer's batches.
 */
@Injectable()
export class InstrumentsService implements OnModuleInit {
  readonly events = new EventEmitter<InstrumentEvents>();
  private readonly byId = new Map<number, InstrumentEntity>();
  private readonly bySymbol = new Map<string, InstrumentEntity>();
  private readonly dirty = new Set<number>();

  constructor(@InjectRepository(InstrumentEntity) private readonly repo: Repository<InstrumentEntity>) {}

  async onModuleInit(): Promise<void> {
    for (const e of await this.repo.find()) this.remember(e);
  }

  list(query: InstrumentQueryDto = {}): Instrument[] {
    return [...this.byId.values()]
      .filter((e) => (query.type ? e.type === query.type : true))
      .filter((e) => (query.status ? e.status === query.status : true))
      .filter((e) => (query.active_only ? e.status === 'active' : true))
      .sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0))
      .map(toInstrumentDto);
  }

  get(id: number): Instrument {
    return toInstrumentDto(this.require(id));
  }

  require(id: number): InstrumentEntity {
    const e = this.byId.get(id);
    if (!e) throw new NotFoundError('INSTRUMENT_NOT_FOUND', `Instrument with ID ${id} not found`);
    return e;
  }

  findBySymbol(symbol: string): InstrumentEntity | undefined {
    return this.bySymbol.get(symbol.toUpperCase());
  }

  findById(id: number): InstrumentEntity | undefined {
    return this.byId.get(id);
  }

  active(): InstrumentEntity[] {
    return [...this.byId.values()].filter((e) => e.status === 'active');
  }

  count(): { total: number; active: number } {
    return { total: this.byId.size, active: this.active().length };
  }

  async create(dto: CreateInstrumentDto): Promise<Instrument> {
    const symbol = dto.symbol.toUpperCase();
    if (this.bySymbol.has(symbol)) throw new BadRequestError('INSTRUMENT_EXISTS', `Instrument with symbol '${symbol}' already exists`);
    const saved = await this.repo.save(
      this.repo.create({
        symbol,
        name: dto.name,
        type: dto.type,
        status: dto.status ?? 'active',
        lastTick: null,
        lastPrice: null,
        timezone: dto.timezone ?? DEFAULT_INSTRUMENT_TIMEZONE,
        createdAt: Date.now(),
      }),
    );
    this.remember(saved);
    this.events.emit('timezone', saved.id, saved.timezone);
    return toInstrumentDto(saved);
  }

  async update(id: number, dto: UpdateInstrumentDto): Promise<Instrument> {
    const current = this.require(id);
    const next = {
      ...current,
      ...(dto.name !== undefined && { name: dto.name }),
      ...(dto.status !== undefined && { status: dto.status }),
      ...(dto.timezone !== undefined && { timezone: dto.timezone }),
    };
    await this.repo.update({ id }, { name: next.name, status: next.status, timezone: next.timezone });
    const moved = next.timezone !== current.timezone;
    Object.assign(current, next);
    if (moved) this.events.emit('timezone', id, current.timezone);
    return toInstrumentDto(current);
  }

  async remove(id: number): Promise<void> {
    const current = this.require(id);
    await this.repo.delete({ id });
    this.byId.delete(id);
    this.bySymbol.delete(current.symbol);
    this.dirty.delete(id);
    this.events.emit('removed', id);
  }

  /** Hot path: the last evaluated price, in memory until the next batch write. */
  recordLastTick(instrumentId: number, price: number, tsMs: number): void {
    const e = this.byId.get(instrumentId);
    if (!e || (e.lastTick !== null && tsMs < e.lastTick)) return;
    e.lastPrice = price;
    e.lastTick = tsMs;
    this.dirty.add(instrumentId);
  }

  hasDirty(): boolean {
    return this.dirty.size > 0;
  }

  /** Writes changed last prices inside the caller's transaction. */
  async persistLastTicks(manager: EntityManager): Promise<void> {
    if (this.dirty.size === 0) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const id of ids) {
      const e = this.byId.get(id);
      if (e) await manager.update(InstrumentEntity, { id }, { lastPrice: e.lastPrice, lastTick: e.lastTick });
    }
  }

  private remember(e: InstrumentEntity): void {
    this.byId.set(e.id, e);
    this.bySymbol.set(e.symbol, e);
  }
}
