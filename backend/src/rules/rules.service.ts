import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { RULE_LIMITS, type AlertRule, type RuleFields } from '@tradeassist/shared-types';
import { NotFoundError } from '../common';
import { InstrumentsService } from '../market';
import type { CreateRuleDto, RuleQueryDto, UpdateRuleDto } from './dto/rule.dto';
import { AlertRuleEntity } from './entities/alert-rule.entity';
import { RuleEngineService } from './rule-engine.service';
import { checkRuleSemantics } from './rule-validation';
import { toRuleDto, toRuleFields } from './rule.mapper';

@Injectable()
export class RulesService implements OnModuleInit {
  constructor(
    @InjectRepository(AlertRuleEntity) private readonly repo: Repository<AlertRuleEntity>,
    private readonly instruments: InstrumentsService,
    private readonly engine: RuleEngineService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.engine.load(await this.repo.find());
    this.instruments.events.on('removed', (instrumentId) => void this.forgetInstrument(instrumentId));
  }

  async list(query: RuleQueryDto): Promise<AlertRule[]> {
    const rows = await this.repo.find({
      where: {
        ...(query.instrument_id !== undefined && { instrumentId: query.instrument_id }),
        ...(query.active_only && { active: true }),
        ...(query.rule_type !== undefined && { ruleType: query.rule_type }),
      },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return rows.map((r) => this.toDto(r));
  }

  async get(id: number): Promise<AlertRule> {
    return this.toDto(await this.require(id));
  }

  async create(dto: CreateRuleDto): Promise<AlertRule> {
    const fields: RuleFields = {
      instrument_id: dto.instrument_id,
      rule_type: dto.rule_type,
      condition: dto.condition,
      threshold: dto.threshold,
      active: dto.active ?? true,
      name: dto.name ?? null,
      description: dto.description ?? null,
      time_window_seconds: dto.time_window_seconds ?? null,
      moving_average_period: dto.moving_average_period ?? null,
      cooldown_seconds: dto.cooldown_seconds ?? RULE_LIMITS.cooldownSeconds.default,
    };
    this.validate(fields);
    const now = Date.now();
    const saved = await this.repo.save(
      this.repo.create({ ...fromFields(fields), lastTriggered: null, version: 1, createdAt: now, updatedAt: now }),
    );
    this.engine.apply(saved);
    return this.toDto(saved);
  }

  async update(id: number, dto: UpdateRuleDto): Promise<AlertRule> {
    const current = await this.require(id);
    const merged: RuleFields = { ...toRuleFields(current) };
    for (const [key, value] of Object.entries(dto) as [keyof RuleFields, unknown][]) {
      if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
    }
    this.validate(merged);
    const next = Object.assign(current, fromFields(merged), { version: current.version + 1, updatedAt: Date.now() });
    const saved = await this.repo.save(next);
    this.engine.apply(saved);
    return this.toDto(saved);
  }

  async remove(id: number): Promise<void> {
    await this.require(id);
    await this.repo.delete({ id });
    this.engine.remove(id);
  }

  async count(): Promise<{ total: number; active: number }> {
    const [total, active] = await Promise.all([this.repo.count(), this.repo.countBy({ active: true })]);
    return { total, active };
  }

  /** Persists cooldown state inside the alert writer's transaction, so it survives restarts. */
  async markTriggered(manager: EntityManager, triggers: Map<number, number>): Promise<void> {
    for (const [ruleId, ts] of triggers) {
      await manager
        .createQueryBuilder()
        .update(AlertRuleEntity)
        .set({ lastTriggered: ts })
        .where('id = :ruleId AND (last_triggered IS NULL OR last_triggered < :ts)', { ruleId, ts })
        .execute();
    }
  }

  private validate(fields: RuleFields): void {
    this.instruments.require(fields.instrument_id);
    checkRuleSemantics(fields);
  }

  private async require(id: number): Promise<AlertRuleEntity> {
    const rule = await this.repo.findOneBy({ id });
    if (!rule) throw new NotFoundError('RULE_NOT_FOUND', `Alert rule with ID ${id} not found`);
    return rule;
  }

  private toDto(rule: AlertRuleEntity): AlertRule {
    return toRuleDto(rule, this.instruments.findById(rule.instrumentId)?.symbol ?? '');
  }

  private async forgetInstrument(instrumentId: number): Promise<void> {
    // The database cascade removed the rows already; drop them from the live engine too.
    const orphans = await this.repo.findBy({ instrumentId });
    for (const rule of orphans) await this.repo.delete({ id: rule.id });
    for (const id of this.engine.ruleIdsOf(instrumentId)) this.engine.remove(id);
  }
}

function fromFields(f: RuleFields): Partial<AlertRuleEntity> {
  return {
    instrumentId: f.instrument_id,
    ruleType: f.rule_type,
    condition: f.condition,
    threshold: f.threshold,
    active: f.active,
    name: f.name,
    description: f.description,
    timeWindowSeconds: f.time_window_seconds,
    movingAveragePeriod: f.moving_average_period,
    cooldownSeconds: f.cooldown_seconds,
  };
}
