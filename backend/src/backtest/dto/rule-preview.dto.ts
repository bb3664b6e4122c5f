import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import {
  PREVIEW_LIMITS,
  type BarInterval,
  type PreviewBar,
  type PreviewLine,
  type RulePreview,
  type RulePreviewRequest,
} from '@tradeassist/shared-types';
import { CreateRuleDto } from '../../rules';

export class RulePreviewDto implements RulePreviewRequest {
  @ApiProperty({ type: CreateRuleDto, description: 'A rule body as POST /api/rules takes it (saved or not)' })
  @IsObject()
  @ValidateNested()
  @Type(() => CreateRuleDto)
  rule: CreateRuleDto;

  @ApiPropertyOptional({ minimum: 1, maximum: PREVIEW_LIMITS.maxBars, default: PREVIEW_LIMITS.defaultBars })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PREVIEW_LIMITS.maxBars)
  bars?: number;
}

export class RulePreviewResponseDto implements RulePreview {
  @ApiProperty({ enum: ['1m', '5m', '15m', '1h'] }) interval: BarInterval;
  @ApiProperty({ type: Object, isArray: true, description: '[{start, open, high, low, close, volume}], oldest first' }) bars: PreviewBar[];
  @ApiProperty({
    type: Object,
    isArray: true,
    description: '[{label, axis: price|indicator|volume, values: one per bar, null until defined}]',
  })
  lines: PreviewLine[];
}
