import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
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

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

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
  @ApiProperty({ format: 'date-time' }) created_at: string;
}
