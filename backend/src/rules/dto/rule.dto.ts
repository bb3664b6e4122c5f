import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, MaxLength, Max, Min, ValidateIf } from 'class-validator';
import {
  RULE_CONDITIONS,
  RULE_LIMITS,
  RULE_TYPES,
  type AlertRule,
  type CreateRuleRequest,
  type RuleCondition,
  type RuleFields,
  type RuleQuery,
  type RuleType,
  type UpdateRuleRequest,
} from '@tradeassist/shared-types';
import { toBoolean, toNumber } from '../../common/transforms';

const { timeWindowSeconds: tw, movingAveragePeriod: ma, cooldownSeconds: cd } = RULE_LIMITS;
const finite = { allowNaN: false, allowInfinity: false };

/** Fields shared by create and update; every one optional here, create re-declares the required ones. */
class RuleFieldsDto {
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: RULE_LIMITS.nameMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(RULE_LIMITS.nameMaxLength)
  name?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: RULE_LIMITS.descriptionMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(RULE_LIMITS.descriptionMaxLength)
  description?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: tw.min,
    maximum: tw.max,
    description: `rate_of_change window; default ${tw.default}`,
  })
  @IsOptional()
  @IsInt()
  @Min(tw.min)
  @Max(tw.max)
  time_window_seconds?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: ma.min, maximum: ma.max })
  @IsOptional()
  @IsInt()
  @Min(ma.min)
  @Max(ma.max)
  moving_average_period?: number | null;

  @ApiPropertyOptional({ minimum: cd.min, maximum: cd.max, default: cd.default })
  @IsOptional()
  @IsInt()
  @Min(cd.min)
  @Max(cd.max)
  cooldown_seconds?: number;
}

export class CreateRuleDto extends RuleFieldsDto implements CreateRuleRequest {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  instrument_id: number;

  @ApiProperty({ enum: RULE_TYPES })
  @IsIn(RULE_TYPES)
  rule_type: RuleType;

  @ApiProperty({ enum: RULE_CONDITIONS })
  @IsIn(RULE_CONDITIONS)
  condition: RuleCondition;

  @ApiProperty({ example: 6000, description: 'Price level, percent (rate_of_change) or volume (volume_spike)' })
  @IsNumber(finite)
  threshold: number;
}

export class UpdateRuleDto extends RuleFieldsDto implements UpdateRuleRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  instrument_id?: number;

  @ApiPropertyOptional({ enum: RULE_TYPES })
  @IsOptional()
  @IsIn(RULE_TYPES)
  rule_type?: RuleType;

  @ApiPropertyOptional({ enum: RULE_CONDITIONS })
  @IsOptional()
  @IsIn(RULE_CONDITIONS)
  condition?: RuleCondition;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsNumber(finite)
  threshold?: number;
}

export class RuleQueryDto implements RuleQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  instrument_id?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active_only?: boolean;

  @ApiPropertyOptional({ enum: RULE_TYPES })
  @IsOptional()
  @IsIn(RULE_TYPES)
  rule_type?: RuleType;
}

/** A rule's own fields, as stored in each version. */
export class RuleDefinitionDto implements RuleFields {
  @ApiProperty() instrument_id: number;
  @ApiProperty({ enum: RULE_TYPES }) rule_type: RuleType;
  @ApiProperty({ enum: RULE_CONDITIONS }) condition: RuleCondition;
  @ApiProperty() threshold: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: Number, nullable: true }) time_window_seconds: number | null;
  @ApiProperty({ type: Number, nullable: true }) moving_average_period: number | null;
  @ApiProperty() cooldown_seconds: number;
}

export class RuleDto extends RuleDefinitionDto implements AlertRule {
  @ApiProperty() id: number;
  @ApiProperty() instrument_symbol: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) last_triggered: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: Number, nullable: true }) owner_id: number | null;
  @ApiProperty({ type: String, nullable: true }) owner: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}
