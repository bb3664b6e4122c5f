import { ApiProperty } from '@nestjs/swagger';
import { RULE_CHANGES, type RuleChange, type RuleVersion, type RuleVersionsResponse } from '@tradeassist/shared-types';
import { RuleDefinitionDto } from './rule.dto';

export class RuleVersionDto implements RuleVersion {
  @ApiProperty() rule_id: number;
  @ApiProperty() version: number;
  @ApiProperty({ enum: RULE_CHANGES }) change: RuleChange;
  @ApiProperty({ type: String, nullable: true }) changed_by: string | null;
  @ApiProperty({ format: 'date-time' }) changed_at: string;
  @ApiProperty({ type: RuleDefinitionDto }) definition: RuleDefinitionDto;
}

export class RuleVersionsDto implements RuleVersionsResponse {
  @ApiProperty() rule_id: number;
  @ApiProperty({ description: 'The rule itself is deleted; its history stays' }) deleted: boolean;
  @ApiProperty({ type: [RuleVersionDto] }) versions: RuleVersionDto[];
}
