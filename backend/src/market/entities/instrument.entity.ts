import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InstrumentStatus, InstrumentType } from '@tradeassist/shared-types';
import { epochMs } from '../../database/epoch-ms.transformer';

@Entity('instruments')
export class InstrumentEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  symbol: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  type: InstrumentType;

  @Column({ type: 'varchar', length: 16 })
  status: InstrumentStatus;

  @Column({ name: 'last_tick', type: 'bigint', nullable: true, transformer: epochMs })
  lastTick: number | null;

  @Column({ name: 'last_price', type: 'double precision', nullable: true })
  lastPrice: number | null;

  /** IANA name; custom rule sessions without a timezone of their own run in it. */
  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt: number;
}
