import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Min, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import {
  DELIVERY_STATUSES,
  FIRED_STATUSES,
  RULE_CONDITIONS,
  RULE_TYPES,
  type AlertListResponse,
  type AlertLog,
  type AlertQuery,
  type AlertStats,
  type DeliveryStatus,
  type FiredStatus,
  type RuleCondition,
  type RuleType,
} from '@tradeassist/shared-types';
import { PageQueryDto } from '../../common';
import { toNumber } from '../../common/transforms';

@ValidatorConstraint({ name: 'calendarDate' })
class IsCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
  }
  defaultMessage(): string {
    return 'must be a real calendar date in the form YYYY-MM-DD';
  }
}

export class AlertQueryDto extends PageQueryDto implements AlertQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  instrument_id?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  rule_id?: number;

  @ApiPropertyOptional({ enum: FIRED_STATUSES })
  @IsOptional()
  @IsIn(FIRED_STATUSES)
  fired_status?: FiredStatus;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  delivery_status?: DeliveryStatus;

  @ApiPropertyOptional({ example: '2026-11-22', description: 'Inclusive, UTC' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date in the form YYYY-MM-DD' })
  @Validate(IsCalendarDate)
  date_from?: string;

  @ApiPropertyOptional({ example: '2026-11-22', description: 'Inclusive, UTC' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date in the form YYYY-MM-DD' })
  @Validate(IsCalendarDate)
  date_to?: string;
}

export class AlertDto implements AlertLog {
  @ApiProperty() id: number;
  @ApiProperty({ format: 'date-time' }) timestamp: string;
  @ApiProperty() rule_id: number;
  @ApiProperty() rule_version: number;
  @ApiProperty({ type: String, nullable: true }) rule_name: string | null;
  @ApiProperty() instrument_id: number;
  @ApiProperty() instrument_symbol: string;
  @ApiProperty() trigger_value: number;
  @ApiProperty() threshold_value: number;
  @ApiProperty({ enum: FIRED_STATUSES }) fired_status: FiredStatus;
  @ApiProperty({ enum: DELIVERY_STATUSES }) delivery_status: DeliveryStatus;
  @ApiProperty({ enum: RULE_CONDITIONS }) rule_condition: RuleCondition;
  @ApiProperty({ enum: RULE_TYPES }) rule_type: RuleType;
  @ApiProperty() evaluation_time_ms: number;
  @ApiProperty() alert_message: string;
}

export class AlertListDto implements AlertListResponse {
  @ApiProperty({ type: [AlertDto] }) alerts: AlertLog[];
  @ApiProperty() total: number;
  @ApiProperty() has_more: boolean;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}

export class AlertStatsDto implements AlertStats {
  @ApiProperty() total_alerts_today: number;
  @ApiProperty() total_alerts_this_week: number;
  @ApiProperty() avg_evaluation_time_ms: number;
  @ApiProperty() fastest_evaluation_ms: number;
  @ApiProperty() slowest_evaluation_ms: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) alerts_by_instrument: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) alerts_by_rule_type: Record<string, number>;
}
