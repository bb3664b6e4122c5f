import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RuleChange, RuleFields } from '@tradeassist/shared-types';
import { epochMs } from '../../database/epoch-ms.transformer';
import { json } from '../../database/json.transformer';

/** One version of a rule's definition; kept after the rule is deleted (no foreign key). */
@Entity('rule_versions')
export class RuleVersionEntity {
  @PrimaryColumn({ name: 'rule_id', type: 'integer' })
  ruleId: number;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  change: RuleChange;

  @Column({ name: 'changed_by', type: 'varchar', length: 64, nullable: true })
  changedBy: string | null;

  @Column({ name: 'changed_at', type: 'bigint', transformer: epochMs })
  changedAt: number;

  @Column({ type: 'text', transformer: json<RuleFields>() })
  definition: RuleFields;
}
