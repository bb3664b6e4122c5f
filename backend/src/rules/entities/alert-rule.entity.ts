import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RuleCondition, RuleOptions, RuleType } from '@tradeassist/shared-types';
import { epochMs } from '../../database/epoch-ms.transformer';
import { json } from '../../database/json.transformer';

@Entity('alert_rules')
export class AlertRuleEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'instrument_id', type: 'integer' })
  instrumentId: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'rule_type', type: 'varchar', length: 32 })
  ruleType: RuleType;

  @Column({ type: 'varchar', length: 32 })
  condition: RuleCondition;

  @Column({ type: 'double precision' })
  threshold: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'time_window_seconds', type: 'integer', nullable: true })
  timeWindowSeconds: number | null;

  @Column({ name: 'moving_average_period', type: 'integer', nullable: true })
  movingAveragePeriod: number | null;

  @Column({ name: 'cooldown_seconds', type: 'integer' })
  cooldownSeconds: number;

  @Column({ name: 'last_triggered', type: 'bigint', nullable: true, transformer: epochMs })
  lastTriggered: number | null;

  /** Re-arm hysteresis kept across restarts: the firing price the rule waits to move back from; null while armed. */
  @Column({ name: 'rearm_price', type: 'double precision', nullable: true })
  rearmPrice: number | null;

  /** Tick time of the last hysteresis change: a write older than it is stale. */
  @Column({ name: 'rearm_at', type: 'bigint', nullable: true, transformer: epochMs })
  rearmAt: number | null;

  @Column({ type: 'integer' })
  version: number;

  /** The trader who owns the rule; null for rules from before accounts (admins only may edit those). */
  @Column({ name: 'owner_id', type: 'integer', nullable: true })
  ownerId: number | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt: number;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMs })
  updatedAt: number;

  /** How it fires and what it says (RuleOptions); null on rules from before options, meaning the defaults. */
  @Column({ type: 'text', nullable: true, transformer: json<RuleOptions>() })
  options: RuleOptions | null;
}
