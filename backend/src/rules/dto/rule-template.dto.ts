import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { CreateRuleTemplateRequest, RuleTemplate } from '@tradeassist/shared-types';
import { CreateRuleDto } from './rule.dto';

/** A rule body without its instrument. */
export class RuleTemplateBodyDto extends OmitType(CreateRuleDto, ['instrument_id'] as const) {}

export class CreateRuleTemplateDto implements CreateRuleTemplateRequest {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Suggested instrument symbol' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,32}$/, { message: 'must be an instrument symbol such as ES or VIX' })
  symbol?: string | null;

  @ApiProperty({ type: RuleTemplateBodyDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RuleTemplateBodyDto)
  body: RuleTemplateBodyDto;
}

export class RuleTemplateDto implements RuleTemplate {
  @ApiProperty({ example: 'builtin:rsi-overbought' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty() builtin: boolean;
  @ApiProperty({ type: String, nullable: true }) symbol: string | null;
  @ApiProperty({ type: RuleTemplateBodyDto }) body: RuleTemplateBodyDto;
  @ApiProperty({ type: String, nullable: true }) owner: string | null;
}
