import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMs } from '../../database/epoch-ms.transformer';

@Entity('bars_1m')
export class BarEntity {
  @PrimaryColumn({ name: 'instrument_id', type: 'integer' })
  instrumentId: number;

  @PrimaryColumn({ name: 'start_ts', type: 'bigint', transformer: epochMs })
  startTs: number;

  @Column({ type: 'double precision' })
  open: number;

  @Column({ type: 'double precision' })
  high: number;

  @Column({ type: 'double precision' })
  low: number;

  @Column({ type: 'double precision' })
  close: number;

  @Column({ type: 'double precision' })
  volume: number;

  @Column({ name: 'tick_count', type: 'integer' })
  tickCount: number;
}
