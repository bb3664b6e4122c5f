import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import {
  BULK_ACTIONS,
  RULE_COPY_MAX_SYMBOLS,
  RULE_IMPORT_MAX,
  type BulkAction,
  type BulkRuleRequest,
  type BulkRuleResponse,
  type CopyRulesRequest,
  type ExportedRule,
  type RuleExport,
  type RuleImportRequest,
  type RuleImportResponse,
} from '@tradeassist/shared-types';
import { CreateRuleDto } from './rule.dto';

/** Rules named by id, 1 to RULE_IMPORT_MAX of them: what bulk changes and copies act on. */
class RuleIdsDto {
  @ApiProperty({ type: [Number], minItems: 1, maxItems: RULE_IMPORT_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RULE_IMPORT_MAX)
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids: number[];
}

export class BulkRuleDto extends RuleIdsDto implements BulkRuleRequest {
  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS)
  action: BulkAction;
}

/** The copies are the caller's, whoever owns the rules copied. */
export class CopyRulesDto extends RuleIdsDto implements CopyRulesRequest {
  @ApiProperty({ type: [String], minItems: 1, maxItems: RULE_COPY_MAX_SYMBOLS, example: ['NQ', 'YM'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RULE_COPY_MAX_SYMBOLS)
  @IsString({ each: true })
  symbols: string[];
}

export class BulkRuleResponseDto implements BulkRuleResponse {
  @ApiProperty({ enum: BULK_ACTIONS }) action: BulkAction;
  @ApiProperty() affected: number;
}

/** A rule body with its instrument's symbol in place of its id. */
export class ExportedRuleDto extends OmitType(CreateRuleDto, ['instrument_id'] as const) implements ExportedRule {
  @ApiProperty({ example: 'ES' })
  @IsString()
  symbol: string;
}

/** The rules of an export file; the file's own header fields are accepted as they are. */
export class RuleImportDto implements RuleImportRequest {
  @ApiPropertyOptional({ enum: ['tradeassist.rules'] })
  @IsOptional()
  @IsIn(['tradeassist.rules'])
  format?: 'tradeassist.rules';

  @ApiPropertyOptional({ enum: [1] })
  @IsOptional()
  @IsIn([1])
  version?: 1;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601()
  exported_at?: string;

  @ApiProperty({ type: [ExportedRuleDto], minItems: 1, maxItems: RULE_IMPORT_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RULE_IMPORT_MAX)
  @ValidateNested({ each: true })
  @Type(() => ExportedRuleDto)
  rules: ExportedRuleDto[];
}

export class RuleImportResponseDto implements RuleImportResponse {
  @ApiProperty() created: number;
  @ApiProperty({ type: [Number] }) ids: number[];
}

export class RuleExportDto implements RuleExport {
  @ApiProperty({ enum: ['tradeassist.rules'] }) format: 'tradeassist.rules';
  @ApiProperty({ enum: [1] }) version: 1;
  @ApiProperty({ format: 'date-time' }) exported_at: string;
  @ApiProperty({ type: [ExportedRuleDto] }) rules: ExportedRuleDto[];
}
