import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BulkRuleResponse, RuleExport, RuleImportResponse } from '@tradeassist/shared-types';
import { CurrentPrincipal, Requires, type Principal } from '../access';
import {
  BulkRuleDto,
  BulkRuleResponseDto,
  CopyRulesDto,
  RuleExportDto,
  RuleImportDto,
  RuleImportResponseDto,
} from './dto/rule-transfer.dto';
import { RulesService } from './rules.service';

/** Many rules at once. Registered before RulesController, so /rules/export is not taken for a rule id. */
@ApiTags('rules')
@Controller('rules')
export class RuleTransferController {
  constructor(private readonly rules: RulesService) {}

  @Requires('trader')
  @Post('bulk')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkRuleResponseDto, description: 'All or nothing: every id must exist and be yours to change (admins: any)' })
  bulk(@Body() dto: BulkRuleDto, @CurrentPrincipal() actor: Principal): Promise<BulkRuleResponse> {
    return this.rules.bulk(dto.action, dto.ids, actor);
  }

  @Requires('viewer')
  @Get('export')
  @ApiOkResponse({ type: RuleExportDto, description: 'Every rule as a body with its instrument symbol; POST it to /api/rules/import' })
  export(): Promise<RuleExport> {
    return this.rules.exportAll();
  }

  @Requires('trader')
  @Post('import')
  @ApiOkResponse({ type: RuleImportResponseDto, description: 'All or nothing: a bad entry is a 422 located at body.rules.<index>' })
  import(@Body() dto: RuleImportDto, @CurrentPrincipal() actor: Principal): Promise<RuleImportResponse> {
    return this.rules.importAll(dto.rules, actor);
  }

  @Requires('trader')
  @Post('copy')
  @ApiCreatedResponse({
    type: RuleImportResponseDto,
    description:
      'Each rule onto each instrument but its own, all or nothing; a symbol in a name becomes the new one. 404 for an unknown id, 422 for an unknown symbol (body.symbols.<index>)',
  })
  copy(@Body() dto: CopyRulesDto, @CurrentPrincipal() actor: Principal): Promise<RuleImportResponse> {
    return this.rules.copyTo(dto.ids, dto.symbols, actor);
  }
}
