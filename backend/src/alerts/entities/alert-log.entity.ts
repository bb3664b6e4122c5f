import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertExplanation, DeliveryStatus, FiredStatus, RuleCondition, RuleType } from '@tradeassist/shared-types';
import { epochMs } from '../../database/epoch-ms.transformer';
import { json } from '../../database/json.transformer';

@Entity('alert_logs')
export class AlertLogEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** Tick time of the firing. */
  @Column({ type: 'bigint', transformer: epochMs })
  ts: number;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt: number;

  @Column({ name: 'rule_id', type: 'integer' })
  ruleId: number;

  @Column({ name: 'rule_version', type: 'integer' })
  ruleVersion: number;

  @Column({ name: 'rule_name', type: 'varchar', length: 200, nullable: true })
  ruleName: string | null;

  @Column({ name: 'rule_type', type: 'varchar', length: 32 })
  ruleType: RuleType;

  @Column({ name: 'rule_condition', type: 'varchar', length: 32 })
  ruleCondition: RuleCondition;

  @Column({ name: 'instrument_id', type: 'integer' })
  instrumentId: number;

  @Column({ name: 'instrument_symbol', type: 'varchar', length: 32 })
  instrumentSymbol: string;

  @Column({ name: 'trigger_value', type: 'double precision' })
  triggerValue: number;

  @Column({ name: 'threshold_value', type: 'double precision' })
  thresholdValue: number;

  @Column({ name: 'fired_status', type: 'varchar', length: 16 })
  firedStatus: FiredStatus;

  @Column({ name: 'delivery_status', type: 'varchar', length: 32 })
  deliveryStatus: DeliveryStatus;

  @Column({ name: 'evaluation_time_ms', type: 'double precision' })
  evaluationTimeMs: number;

  @Column({ name: 'alert_message', type: 'text' })
  alertMessage: string;

  /** The inputs that made the rule fire; null on alerts recorded before explanations were kept. */
  @Column({ type: 'text', nullable: true, transformer: json<AlertExplanation>() })
  explanation: AlertExplanation | null;
}
