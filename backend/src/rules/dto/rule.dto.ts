import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  ALERT_PRIORITIES,
  BAR_INTERVALS,
  DEFAULT_RULE_OPTIONS,
  MESSAGE_PLACEHOLDERS,
  MESSAGE_TEMPLATE_MAX_LENGTH,
  NOTIFICATION_CHANNELS,
  PRICE_SOURCES,
  RULE_CONDITIONS,
  RULE_LIMITS,
  RULE_TYPES,
  TRIGGER_MODES,
  type AlertPriority,
  type BarInterval,
  type ConditionNode,
  type MarketSession,
  type NotificationChannel,
  type Operand,
  type PriceSource,
  type RearmRule,
  type TriggerMode,
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

  // Rule options (see RuleOptions): each optional, defaults in DEFAULT_RULE_OPTIONS; cross-field checks in rule-validation.
  @ApiPropertyOptional({
    type: Object,
    nullable: true,
    example: { kind: 'rsi', period: 14 },
    description: 'What the condition reads instead of the price',
  })
  @IsOptional()
  @IsObject()
  subject?: Operand | null;

  @ApiPropertyOptional({
    type: Object,
    nullable: true,
    example: { kind: 'sma', period: 50 },
    description: 'What it compares with instead of threshold',
  })
  @IsOptional()
  @IsObject()
  against?: Operand | null;

  @ApiPropertyOptional({
    type: Object,
    nullable: true,
    example: {
      kind: 'all',
      of: [
        { kind: 'channel', op: 'inside', lower: 5990, upper: 6010 },
        { kind: 'move', direction: 'up', by: 0.2, unit: 'percent', within_seconds: 60 },
      ],
    },
    description: 'multi_condition rules: an AND/OR tree of conditions (see docs/rules.md)',
  })
  @IsOptional()
  @IsObject()
  conditions?: ConditionNode | null;

  @ApiPropertyOptional({ enum: TRIGGER_MODES, default: DEFAULT_RULE_OPTIONS.trigger_mode })
  @IsOptional()
  @IsIn(TRIGGER_MODES)
  trigger_mode?: TriggerMode;

  @ApiPropertyOptional({
    enum: BAR_INTERVALS,
    default: DEFAULT_RULE_OPTIONS.bar_interval,
    description: 'Bars for once_per_bar and once_per_bar_close',
  })
  @IsOptional()
  @IsIn(BAR_INTERVALS)
  bar_interval?: BarInterval;

  @ApiPropertyOptional({ enum: PRICE_SOURCES, default: DEFAULT_RULE_OPTIONS.price_source })
  @IsOptional()
  @IsIn(PRICE_SOURCES)
  price_source?: PriceSource;

  @ApiPropertyOptional({
    type: Object,
    nullable: true,
    example: { by: 0.5, unit: 'percent' },
    description: 'After a firing, stay quiet until the price moves back this far from the firing price',
  })
  @IsOptional()
  @IsObject()
  rearm?: RearmRule | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: 'Tick time after which the rule no longer fires' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  expires_at?: string | null;

  @ApiPropertyOptional({
    type: Object,
    nullable: true,
    example: { kind: 'custom', timezone: 'Europe/London', windows: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '16:30' }] },
    description:
      "When it may fire: {kind: 'always'}, {kind: 'regular'} (US cash session) or custom weekly windows, in their timezone or, without one, the instrument's",
  })
  @IsOptional()
  @IsObject()
  session?: MarketSession | null;

  @ApiPropertyOptional({ enum: ALERT_PRIORITIES, default: DEFAULT_RULE_OPTIONS.priority })
  @IsOptional()
  @IsIn(ALERT_PRIORITIES)
  priority?: AlertPriority;

  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS, isArray: true, nullable: true, description: "null: the owner's defaults" })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(NOTIFICATION_CHANNELS, { each: true })
  channels?: NotificationChannel[] | null;

  @ApiPropertyOptional({ default: DEFAULT_RULE_OPTIONS.sound })
  @IsOptional()
  @IsBoolean()
  sound?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MESSAGE_TEMPLATE_MAX_LENGTH,
    example: '{{symbol}} broke {{threshold}} at {{price}}',
    description: `Placeholders: ${MESSAGE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MESSAGE_TEMPLATE_MAX_LENGTH)
  message_template?: string | null;
}

export class CreateRuleDto extends RuleFieldsDto implements CreateRuleRequest {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  instrument_id: number;

  @ApiProperty({ enum: RULE_TYPES })
  @IsIn(RULE_TYPES)
  rule_type: RuleType;

  @ApiProperty({ enum: RULE_CONDITIONS, description: 'Not used by multi_condition rules (their tree decides): optional there' })
  @ValidateIf((o: CreateRuleDto) => o.rule_type !== 'multi_condition' || o.condition !== undefined)
  @IsIn(RULE_CONDITIONS)
  condition: RuleCondition;

  @ApiProperty({
    example: 6000,
    description: 'Price level, percent (rate_of_change) or volume (volume_spike); optional for multi_condition',
  })
  @ValidateIf((o: CreateRuleDto) => o.rule_type !== 'multi_condition' || o.threshold !== undefined)
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
  @ApiProperty({ type: Object, nullable: true }) subject: Operand | null;
  @ApiProperty({ type: Object, nullable: true }) against: Operand | null;
  @ApiProperty({ type: Object, nullable: true }) conditions: ConditionNode | null;
  @ApiProperty({ enum: TRIGGER_MODES }) trigger_mode: TriggerMode;
  @ApiProperty({ enum: BAR_INTERVALS }) bar_interval: BarInterval;
  @ApiProperty({ enum: PRICE_SOURCES }) price_source: PriceSource;
  @ApiProperty({ type: Object, nullable: true, example: { by: 0.5, unit: 'percent' } }) rearm: RearmRule | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) expires_at: string | null;
  @ApiProperty({ type: Object, nullable: true }) session: MarketSession | null;
  @ApiProperty({ enum: ALERT_PRIORITIES }) priority: AlertPriority;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true, nullable: true }) channels: NotificationChannel[] | null;
  @ApiProperty() sound: boolean;
  @ApiProperty({ type: String, nullable: true }) message_template: string | null;
}

export class RuleDto extends RuleDefinitionDto implements AlertRule {
  @ApiProperty() id: number;
  @ApiProperty() instrument_symbol: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) last_triggered: string | null;
  @ApiProperty({ description: 'Its alerts with a tick time from 00:00 UTC today on' }) fires_today: number;
  @ApiProperty() version: number;
  @ApiProperty({ type: Number, nullable: true }) owner_id: number | null;
  @ApiProperty({ type: String, nullable: true }) owner: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}
