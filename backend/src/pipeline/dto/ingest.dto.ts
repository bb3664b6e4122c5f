import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import {
  MAX_TICKS_PER_INGEST,
  type IngestTicksRequest,
  type IngestTicksResponse,
  type RejectedTick,
  type TickInput,
} from '@tradeassist/shared-types';

class TickInputDoc implements TickInput {
  @ApiProperty({ example: 'ES' }) symbol: string;
  @ApiProperty({ example: 4525.75 }) price: number;
  @ApiProperty({ required: false, example: 12 }) volume?: number;
  @ApiProperty({ required: false, example: 4525.5 }) bid?: number;
  @ApiProperty({ required: false, example: 4526.0 }) ask?: number;
  @ApiProperty({ required: false, example: '2026-11-22T14:30:00.125Z', description: 'Defaults to the time received' })
  timestamp?: string;
}

/** Only the envelope is validated here: each tick is checked on its own so one bad tick never sinks the batch. */
export class IngestTicksDto implements IngestTicksRequest {
  @ApiProperty({ type: [TickInputDoc], minItems: 1, maxItems: MAX_TICKS_PER_INGEST })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TICKS_PER_INGEST)
  ticks: TickInput[];
}

class RejectedTickDoc implements RejectedTick {
  @ApiProperty() index: number;
  @ApiProperty() reason: string;
}

export class IngestTicksResultDto implements IngestTicksResponse {
  @ApiProperty() accepted: number;
  @ApiProperty({ type: [RejectedTickDoc] }) rejected: RejectedTick[];
  @ApiProperty({ description: 'Stored but not evaluated: older than the instrument’s last evaluated tick' }) late: number;
}
