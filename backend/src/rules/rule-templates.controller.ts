import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MessageResponse, RuleTemplate } from '@tradeassist/shared-types';
import { CurrentPrincipal, Requires, type Principal } from '../access';
import { CreateRuleTemplateDto, RuleTemplateDto } from './dto/rule-template.dto';
import { RuleTemplatesService } from './rule-templates.service';

/** Registered before RulesController, so /rules/templates is not taken for a rule id. */
@ApiTags('rules')
@Controller('rules/templates')
export class RuleTemplatesController {
  constructor(private readonly templates: RuleTemplatesService) {}

  @Requires('viewer')
  @Get()
  @ApiOkResponse({ type: [RuleTemplateDto], description: 'Built-in templates, then the ones you saved (admins: all saved ones)' })
  list(@CurrentPrincipal() actor: Principal): Promise<RuleTemplate[]> {
    return this.templates.list(actor);
  }

  @Requires('trader')
  @Post()
  @ApiOkResponse({ type: RuleTemplateDto })
  create(@Body() dto: CreateRuleTemplateDto, @CurrentPrincipal() actor: Principal): Promise<RuleTemplate> {
    return this.templates.create(dto, actor);
  }

  @Requires('trader')
  @Delete(':id')
  async remove(@Param('id') id: string, @CurrentPrincipal() actor: Principal): Promise<MessageResponse> {
    await this.templates.remove(id, actor);
    return { message: `Template ${id} deleted successfully` };
  }
}
