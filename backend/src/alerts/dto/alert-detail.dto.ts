import { ApiProperty } from '@nestjs/swagger';
import {
  BAR_INTERVALS,
  MEASURES,
  PRICE_SOURCES,
  type AlertDetail,
  type AlertExplanation,
  type BarInterval,
  type Measure,
  type PriceSource,
} from '@tradeassist/shared-types';
import { RuleVersionDto } from '../../rules';
import { AlertDto } from './alert.dto';

export class AlertExplanationDto implements AlertExplanation {
  @ApiProperty({ enum: MEASURES, description: 'What trigger_value is' }) measure: Measure;
  @ApiProperty() trigger_value: number;
  @ApiProperty() threshold_value: number;
  @ApiProperty({ description: "The price the condition read: the tick's, or the closed bar's close" }) price: number;
  @ApiProperty({ enum: PRICE_SOURCES }) price_source: PriceSource;
  @ApiProperty({ type: Number, nullable: true }) bid: number | null;
  @ApiProperty({ type: Number, nullable: true }) ask: number | null;
  @ApiProperty() volume: number;
  @ApiProperty({ type: Number, nullable: true }) previous_price: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Rate of change: earliest price in the window' }) reference_price:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) window_seconds: number | null;
  @ApiProperty({ type: Object, nullable: true, example: { 'RSI(14)': 72.4 }, description: 'Indicator values at the firing, by label' })
  indicators: Record<string, number> | null;
  @ApiProperty({
    type: Object,
    isArray: true,
    nullable: true,
    description: 'multi_condition rules: [{label, holds, value, against}] per condition',
  })
  conditions: { label: string; holds: boolean; value: number; against: number }[] | null;
  @ApiProperty({ enum: ['tick', 'bar_close'] }) evaluated_on: 'tick' | 'bar_close';
  @ApiProperty({ enum: BAR_INTERVALS, nullable: true }) bar_interval: BarInterval | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) bar_start: string | null;
}

export class AlertDetailDto extends AlertDto implements AlertDetail {
  @ApiProperty({ type: AlertExplanationDto, nullable: true }) explanation: AlertExplanationDto | null;
  @ApiProperty({ type: RuleVersionDto, nullable: true }) rule_definition: RuleVersionDto | null;
}
