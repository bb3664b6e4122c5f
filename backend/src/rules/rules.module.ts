import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MarketModule } from '../market';
import { AlertRuleEntity } from './entities/alert-rule.entity';
import { RuleTemplateEntity } from './entities/rule-template.entity';
import { RuleVersionEntity } from './entities/rule-version.entity';
import { RuleEngineService } from './rule-engine.service';
import { RearmStore } from './rearm-store';
import { RuleFirings } from './rule-firings';
import { RuleOwners } from './rule-owners';
import { RulesController } from './rules.controller';
import { RuleTemplatesController } from './rule-templates.controller';
import { RuleTemplatesService } from './rule-templates.service';
import { RuleTransferController } from './rule-transfer.controller';
import { RulesService } from './rules.service';

@Module({
  imports: [TypeOrmModule.forFeature([AlertRuleEntity, RuleVersionEntity, RuleTemplateEntity]), MarketModule],
  // Order matters: the fixed paths (/rules/templates, /rules/export) before /rules/:id.
  controllers: [RuleTemplatesController, RuleTransferController, RulesController],
  providers: [RulesService, RuleEngineService, RuleOwners, RuleTemplatesService, RuleFirings, RearmStore],
  exports: [RulesService, RuleEngineService, RuleFirings, RearmStore],
})
export class RulesModule {}
