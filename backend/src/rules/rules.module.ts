import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MarketModule } from '../market';
import { AlertRuleEntity } from './entities/alert-rule.entity';
import { RuleVersionEntity } from './entities/rule-version.entity';
import { RuleEngineService } from './rule-engine.service';
import { RuleOwners } from './rule-owners';
import { RulesController } from './rules.controller';
import { RulesService } from './rules.service';

@Module({
  imports: [TypeOrmModule.forFeature([AlertRuleEntity, RuleVersionEntity]), MarketModule],
  controllers: [RulesController],
  providers: [RulesService, RuleEngineService, RuleOwners],
  exports: [RulesService, RuleEngineService],
})
export class RulesModule {}
