export { RuleEngineService, type RuleSnapshot } from './rule-engine.service';
export { RuleFirings } from './rule-firings';
export { RearmStore } from './rearm-store';
export { RulesModule } from './rules.module';
export { RulesService } from './rules.service';
export { RuleDefinitionDto } from './dto/rule.dto';
export { RuleVersionDto } from './dto/rule-version.dto';
export { CreateRuleDto } from './dto/rule.dto';
export { engineRuleOf, snapshotOf } from './rule.mapper';
