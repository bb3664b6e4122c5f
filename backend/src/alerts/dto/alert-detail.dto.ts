import { ApiProperty } from '@nestjs/swagger';
import { MEASURES, type AlertDetail, type AlertExplanation, type Measure } from '@tradeassist/shared-types';
import { RuleVersionDto } from '../../rules';
import { AlertDto } from './alert.dto';

export class AlertExplanationDto implements AlertExplanation {
  @ApiProperty({ enum: MEASURES, description: 'What trigger_value is' }) measure: Measure;
  @ApiProperty() trigger_value: number;
  @ApiProperty() threshold_value: number;
  @ApiProperty({ description: 'Price of the tick that fired' }) price: number;
  @ApiProperty({ type: Number, nullable: true }) bid: number | null;
  @ApiProperty({ type: Number, nullable: true }) ask: number | null;
  @ApiProperty() volume: number;
  @ApiProperty({ type: Number, nullable: true }) previous_price: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Rate of change: earliest price in the window' }) reference_price:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) window_seconds: number | null;
  @ApiProperty({ enum: ['tick'] }) evaluated_on: 'tick';
}

export class AlertDetailDto extends AlertDto implements AlertDetail {
  @ApiProperty({ type: AlertExplanationDto, nullable: true }) explanation: AlertExplanationDto | null;
  @ApiProperty({ type: RuleVersionDto, nullable: true }) rule_definition: RuleVersionDto | null;
}
