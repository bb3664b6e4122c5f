import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Length, Matches, ValidateBy } from 'class-validator';
import {
  DEFAULT_INSTRUMENT_TIMEZONE,
  INSTRUMENT_STATUSES,
  INSTRUMENT_TYPES,
  type CreateInstrumentRequest,
  type Instrument,
  type InstrumentQuery,
  type InstrumentStatus,
  type InstrumentType,
  type UpdateInstrumentRequest,
} from '@tradeassist/shared-types';
import { toBoolean } from '../../common/transforms';
import { isTimezone } from '../../engine';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** An IANA timezone name, as the rule engine's sessions read it. */
function IsIanaTimezone(): PropertyDecorator {
  return ValidateBy({
    name: 'timezone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isTimezone(value),
      defaultMessage: () => 'must be an IANA timezone such as America/New_York, Europe/London or Asia/Tokyo',
    },
  });
}

const timezoneDoc = {
  example: 'Europe/London',
  description: "IANA name of the market's timezone: rule sessions without a timezone of their own run in it",
};

export class CreateInstrumentDto implements CreateInstrumentRequest {
  @ApiProperty({ example: 'ES', description: 'Upper-cased on save; unique in any case.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Length(1, 32)
  @Matches(/^[A-Z0-9][A-Z0-9._/^$-]*$/, { message: 'must start with a letter or digit and use only A-Z, 0-9 and . _ / ^ $ -' })
  symbol: string;

  @ApiProperty({ example: 'E-mini S&P 500' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: INSTRUMENT_TYPES })
  @IsIn(INSTRUMENT_TYPES)
  type: InstrumentType;

  @ApiPropertyOptional({ enum: INSTRUMENT_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(INSTRUMENT_STATUSES)
  status?: InstrumentStatus;

  @ApiPropertyOptional({ ...timezoneDoc, default: DEFAULT_INSTRUMENT_TIMEZONE })
  @IsOptional()
  @Transform(trim)
  @IsIanaTimezone()
  timezone?: string;
}

export class UpdateInstrumentDto implements UpdateInstrumentRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: INSTRUMENT_STATUSES })
  @IsOptional()
  @IsIn(INSTRUMENT_STATUSES)
  status?: InstrumentStatus;

  @ApiPropertyOptional(timezoneDoc)
  @IsOptional()
  @Transform(trim)
  @IsIanaTimezone()
  timezone?: string;
}

export class InstrumentQueryDto implements InstrumentQuery {
  @ApiPropertyOptional({ enum: INSTRUMENT_TYPES })
  @IsOptional()
  @IsIn(INSTRUMENT_TYPES)
  type?: InstrumentType;

  @ApiPropertyOptional({ enum: INSTRUMENT_STATUSES })
  @IsOptional()
  @IsIn(INSTRUMENT_STATUSES)
  status?: InstrumentStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active_only?: boolean;
}

export class InstrumentDto implements Instrument {
  @ApiProperty() id: number;
  @ApiProperty() symbol: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: INSTRUMENT_TYPES }) type: InstrumentType;
  @ApiProperty({ enum: INSTRUMENT_STATUSES }) status: InstrumentStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) last_tick: string | null;
  @ApiProperty({ type: Number, nullable: true }) last_price: number | null;
  @ApiProperty(timezoneDoc) timezone: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}
