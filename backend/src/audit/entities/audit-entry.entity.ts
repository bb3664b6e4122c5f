import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../../database/epoch-ms.transformer';

@Entity('security_audit')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'bigint', transformer: epochMs })
  ts: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actor: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  target: string | null;

  @Column({ type: 'varchar', length: 16 })
  outcome: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  /** JSON with the who/what; never a secret value. */
  @Column({ type: 'text' })
  detail: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
