import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../../database/epoch-ms.transformer';

@Entity('ticks')
export class TickEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'instrument_id', type: 'integer' })
  instrumentId: number;

  @Column({ type: 'bigint', transformer: epochMs })
  ts: number;

  @Column({ type: 'double precision' })
  price: number;

  @Column({ type: 'double precision', nullable: true })
  bid: number | null;

  @Column({ type: 'double precision', nullable: true })
  ask: number | null;

  @Column({ type: 'double precision' })
  volume: number;
}
