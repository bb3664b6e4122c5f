import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AlertRule, MessageResponse, RuleVersionsResponse } from '@tradeassist/shared-types';
import { IdParamPipe } from '../common';
import { CurrentPrincipal, Requires, type Principal } from '../access';
import { CreateRuleDto, RuleDto, RuleQueryDto, UpdateRuleDto } from './dto/rule.dto';
import { RuleVersionsDto } from './dto/rule-version.dto';
import { RulesService } from './rules.service';

/** /api/alert-rules is the Phase 1 name, kept as an alias. */
@ApiTags('rules')
@Controller(['rules', 'alert-rules'])
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Requires('viewer')
  @Get()
  @ApiOkResponse({ type: [RuleDto] })
  list(@Query() query: RuleQueryDto): Promise<AlertRule[]> {
    return this.rules.list(query);
  }

  @Requires('viewer')
  @Get(':id')
  @ApiOkResponse({ type: RuleDto })
  get(@Param('id', IdParamPipe) id: number): Promise<AlertRule> {
    return this.rules.get(id);
  }

  @Requires('viewer')
  @Get(':id/versions')
  @ApiOkResponse({ type: RuleVersionsDto, description: 'Every version of the rule, newest first; kept after the rule is deleted' })
  versions(@Param('id', IdParamPipe) id: number): Promise<RuleVersionsResponse> {
    return this.rules.versions(id);
  }

  @Requires('trader')
  @Post()
  @ApiOkResponse({ type: RuleDto })
  create(@Body() dto: CreateRuleDto, @CurrentPrincipal() actor: Principal): Promise<AlertRule> {
    return this.rules.create(dto, actor);
  }

  @Requires('trader')
  @Put(':id')
  @ApiOkResponse({ type: RuleDto })
  update(@Param('id', IdParamPipe) id: number, @Body() dto: UpdateRuleDto, @CurrentPrincipal() actor: Principal): Promise<AlertRule> {
    return this.rules.update(id, dto, actor);
  }

  @Requires('trader')
  @Delete(':id')
  async remove(@Param('id', IdParamPipe) id: number, @CurrentPrincipal() actor: Principal): Promise<MessageResponse> {
    await this.rules.remove(id, actor);
    return { message: `Alert rule ${id} deleted successfully` };
  }
}
