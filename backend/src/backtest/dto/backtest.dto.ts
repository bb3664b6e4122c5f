import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsObject, ValidateNested } from 'class-validator';
import {
  BACKTEST_STATUSES,
  type BacktestJob,
  type BacktestRequest,
  type BacktestResult,
  type BacktestStatus,
} from '@tradeassist/shared-types';
import { CreateRuleDto } from '../../rules';

export class BacktestRequestDto implements BacktestRequest {
  @ApiProperty({ type: CreateRuleDto, description: 'A rule body as POST /api/rules takes it (saved or not)' })
  @IsObject()
  @ValidateNested()
  @Type(() => CreateRuleDto)
  rule: CreateRuleDto;

  @ApiProperty({ format: 'date-time', example: '2026-11-20T14:30:00Z', description: 'Tick time, inclusive' })
  @IsISO8601({ strict: true, strictSeparator: true })
  from: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-21T21:00:00Z', description: 'Tick time, inclusive' })
  @IsISO8601({ strict: true, strictSeparator: true })
  to: string;
}

export class BacktestJobDto implements BacktestJob {
  @ApiProperty() id: string;
  @ApiProperty({ enum: BACKTEST_STATUSES }) status: BacktestStatus;
  @ApiProperty({ minimum: 0, maximum: 1 }) progress: number;
  @ApiProperty() ticks_total: number;
  @ApiProperty() ticks_done: number;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ format: 'date-time' }) started_at: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finished_at: string | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    description:
      'total_firings, per_day {YYYY-MM-DD: n}, firings [{timestamp, trigger_value, threshold_value, price, evaluated_on, indicators, message}], truncated, price_path [{timestamp, price}] (the last tick of each of at most 600 equal steps of the range)',
  })
  result: BacktestResult | null;
}
