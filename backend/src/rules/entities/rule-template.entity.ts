import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RuleTemplateBody } from '@tradeassist/shared-types';
import { epochMs } from '../../database/epoch-ms.transformer';
import { json } from '../../database/json.transformer';

@Entity('rule_templates')
export class RuleTemplateEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'owner_id', type: 'integer', nullable: true })
  ownerId: number | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  symbol: string | null;

  @Column({ type: 'text', transformer: json<RuleTemplateBody>() })
  body: RuleTemplateBody;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt: number;
}
