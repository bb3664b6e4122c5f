import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import {
  DEFAULT_RULE_OPTIONS,
  RULE_LIMITS,
  type AlertRule,
  type BulkAction,
  type BulkRuleResponse,
  RULE_IMPORT_MAX,
  type ExportedRule,
  type RuleChange,
  type RuleExport,
  type RuleImportResponse,
  type ValidationErrorItem,
  type RuleFields,
  type RuleOptions,
  type RuleVersion,
  type RuleVersionsResponse,
} from '@tradeassist/shared-types';
import { roleAtLeast, type Principal } from '../access';
import { AuditService } from '../audit';
import { AppException, NotFoundError, toIso, ValidationFailedError } from '../common';
import { InstrumentsService } from '../market';
import type { CreateRuleDto, RuleQueryDto, UpdateRuleDto } from './dto/rule.dto';
import { AlertRuleEntity } from './entities/alert-rule.entity';
import { RuleVersionEntity } from './entities/rule-version.entity';
import { RuleEngineService } from './rule-engine.service';
import { RuleFirings } from './rule-firings';
import { RuleOwners } from './rule-owners';
import { copyOnto } from './rule-copies';
import { checkRuleSemantics } from './rule-validation';
import { optionsOf, toRuleDto, toRuleFields, withDefaults } from './rule.mapper';

@Injectable()
export class RulesService implements OnModuleInit {
  constructor(
    @InjectRepository(AlertRuleEntity) private readonly repo: Repository<AlertRuleEntity>,
    @InjectRepository(RuleVersionEntity) private readonly versionsRepo: Repository<RuleVersionEntity>,
    private readonly instruments: InstrumentsService,
    private readonly engine: RuleEngineService,
    private readonly audit: AuditService,
    private readonly owners: RuleOwners,
    private readonly firings: RuleFirings,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.engine.load(await this.repo.find());
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
    const [names, today] = await Promise.all([this.owners.names(), this.firings.today()]);
    return rows.map((r) => this.toDto(r, names, today));
  }

  async get(id: number): Promise<AlertRule> {
    return this.oneDto(await this.require(id));
  }

  /** A rule body completed with its defaults and checked as create checks it (404 for an unknown instrument, 422 for the rest), without saving it. */
  checked(dto: CreateRuleDto): RuleFields {
    const fields: RuleFields = {
      instrument_id: dto.instrument_id,
      rule_type: dto.rule_type,
      // A multi_condition rule's tree decides; its floor fields only keep the contract's shape.
      condition: dto.condition ?? 'above',
      threshold: dto.threshold ?? 0,
      active: dto.active ?? true,
      name: dto.name ?? null,
      description: dto.description ?? null,
      time_window_seconds: dto.time_window_seconds ?? null,
      moving_average_period: dto.moving_average_period ?? null,
      cooldown_seconds: dto.cooldown_seconds ?? RULE_LIMITS.cooldownSeconds.default,
      ...withDefaults(definedOptions(dto)),
    };
    this.validate(fields);
    return fields;
  }

  async create(dto: CreateRuleDto, actor: Principal): Promise<AlertRule> {
    const fields = this.checked(dto);
    const now = Date.now();
    const saved = await this.saveVersion(
      this.repo.create({ ...fromFields(fields), lastTriggered: null, version: 1, ownerId: actor.userId, createdAt: now, updatedAt: now }),
      'created',
      actor,
    );
    await this.engine.apply(saved);
    await this.audit.record({
      actor: actor.username,
      ip: actor.ip,
      action: 'rule.create',
      target: `rule ${saved.id}`,
      detail: { ...fields },
    });
    return this.oneDto(saved);
  }

  async update(id: number, dto: UpdateRuleDto, actor: Principal): Promise<AlertRule> {
    const current = await this.require(id);
    this.checkOwnership(current, actor);
    const before = toRuleFields(current);
    const merged: RuleFields = { ...toRuleFields(current) };
    for (const [key, value] of Object.entries(dto) as [keyof RuleFields, unknown][]) {
      if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
    }
    this.validate(merged);
    const next = Object.assign(current, fromFields(merged), { version: current.version + 1, updatedAt: Date.now() });
    const saved = await this.saveVersion(next, 'updated', actor);
    await this.engine.apply(saved);
    const changed = Object.fromEntries(
      (Object.keys(merged) as (keyof RuleFields)[])
        .filter((k) => JSON.stringify(merged[k]) !== JSON.stringify(before[k]))
        .map((k) => [k, { from: before[k], to: merged[k] }]),
    );
    await this.audit.record({
      actor: actor.username,
      ip: actor.ip,
      action: 'rule.update',
      target: `rule ${id}`,
      detail: { version: saved.version, changed },
    });
    return this.oneDto(saved);
  }

  async remove(id: number, actor: Principal): Promise<void> {
    const rule = await this.require(id);
    this.checkOwnership(rule, actor);
    await this.repo.delete({ id });
    await this.engine.remove(id);
    await this.audit.record({
      actor: actor.username,
      ip: actor.ip,
      action: 'rule.delete',
      target: `rule ${id}`,
      detail: { name: rule.name },
    });
  }

  /** Enables, disables or deletes many rules in one transaction: all of them, or none when any is missing or not the caller's. */
  async bulk(action: BulkAction, ids: number[], actor: Principal): Promise<BulkRuleResponse> {
    const unique = [...new Set(ids)];
    const rows = await this.requireAll(unique, 'nothing was changed');
    const foreign = rows.filter((r) => !mayChange(r, actor)).map((r) => r.id);
    if (foreign.length > 0) {
      throw new AppException(403, 'NOT_OWNER', `Rules ${foreign.join(', ')} belong to other users; nothing was changed`);
    }
    const now = Date.now();
    const changed = await this.repo.manager.transaction(async (m) => {
      if (action === 'delete') {
        await m.delete(AlertRuleEntity, { id: In(unique) });
        return rows;
      }
      const out: AlertRuleEntity[] = [];
      for (const r of rows.filter((row) => row.active !== (action === 'enable'))) {
        out.push(
          await writeVersion(
            m,
            Object.assign(r, { active: action === 'enable', version: r.version + 1, updatedAt: now }),
            'updated',
            actor,
          ),
        );
      }
      return out;
    });
    await Promise.all(changed.map((r) => (action === 'delete' ? this.engine.remove(r.id) : this.engine.apply(r))));
    await this.audit.record({
      actor: actor.username,
      ip: actor.ip,
      action: `rule.bulk_${action}`,
      target: `${unique.length} rules`,
      detail: { ids: unique },
    });
    return { action, affected: changed.length };
  }

  async exportAll(): Promise<RuleExport> {
    const rows = await this.repo.find({ order: { id: 'ASC' } });
    return {
      format: 'tradeassist.rules',
      version: 1,
      exported_at: toIso(Date.now()) ?? '',
      rules: rows.map((r) => {
        const { instrument_id: instrumentId, ...body } = toRuleFields(r);
        return { symbol: this.instruments.findById(instrumentId)?.symbol ?? `#${instrumentId}`, ...body };
      }),
    };
  }

  /** Creates every rule of an export, or none: each entry is checked as creating it would be, and errors are located by index. */
  async importAll(entries: ExportedRule[], actor: Principal): Promise<RuleImportResponse> {
    const items: ValidationErrorItem[] = [];
    const all: RuleFields[] = [];
    entries.forEach((entry, i) => {
      const { symbol, ...body } = entry;
      const instrument = this.instruments.findBySymbol(symbol);
      if (!instrument) {
        items.push({ loc: ['body', 'rules', i, 'symbol'], msg: `unknown symbol '${symbol}'`, type: 'unknown_symbol' });
        return;
      }
      try {
        all.push(this.checked({ ...body, instrument_id: instrument.id }));
      } catch (error) {
        if (!(error instanceof ValidationFailedError)) throw error;
        items.push(...error.items.map((e) => ({ ...e, loc: ['body', 'rules', i, ...e.loc.slice(1)] })));
      }
    });
    if (items.length > 0) throw new ValidationFailedError(items);
    return this.createAll(all, actor, 'rule.import', (ids) => ({ ids }));
  }

  /**
   * Copies each rule onto each instrument but its own, or none: names follow the symbol (see
   * copyOnto), the copies are the caller's, version 1, never fired; the originals stay as they are.
   */
  async copyTo(ids: number[], symbols: string[], actor: Principal): Promise<RuleImportResponse> {
    const rows = (await this.requireAll([...new Set(ids)], 'nothing was copied')).sort((a, b) => a.id - b.id);
    const items: ValidationErrorItem[] = [];
    const targets = symbols.flatMap((symbol, i) => {
      const instrument = this.instruments.findBySymbol(symbol);
      if (!instrument) items.push({ loc: ['body', 'symbols', i], msg: `unknown symbol '${symbol}'`, type: 'unknown_symbol' });
      return instrument ? [instrument] : [];
    });
    if (items.length > 0) throw new ValidationFailedError(items);
    const distinct = [...new Map(targets.map((t) => [t.id, t])).values()];
    const all = rows.flatMap((r) => {
      const from = this.instruments.findById(r.instrumentId)?.symbol ?? '';
      const fields = toRuleFields(r);
      return distinct.filter((t) => t.id !== r.instrumentId).map((t) => copyOnto(fields, from, t));
    });
    if (all.length === 0) {
      throw ValidationFailedError.single(
        ['body', 'symbols'],
        'every rule is already on these instruments; choose others to copy them to',
        'nothing_to_copy',
      );
    }
    if (all.length > RULE_IMPORT_MAX) {
      throw ValidationFailedError.single(
        ['body', 'symbols'],
        `that makes ${all.length} copies; at most ${RULE_IMPORT_MAX} at once: choose fewer rules or instruments`,
        'too_many_copies',
      );
    }
    for (const f of all) this.validate(f);
    return this.createAll(all, actor, 'rule.copy', (created) => ({
      from: rows.map((r) => r.id),
      symbols: distinct.map((t) => t.symbol),
      ids: created,
    }));
  }

  /** New rules in one transaction (version 1, the caller's), then the engine and the audit log. */
  private async createAll(
    all: RuleFields[],
    actor: Principal,
    action: string,
    detail: (ids: number[]) => Record<string, unknown>,
  ): Promise<RuleImportResponse> {
    const now = Date.now();
    const saved = await this.repo.manager.transaction(async (m) => {
      const out: AlertRuleEntity[] = [];
      for (const f of all) {
        const rule = this.repo.create({
          ...fromFields(f),
          lastTriggered: null,
          version: 1,
          ownerId: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        out.push(await writeVersion(m, rule, 'created', actor));
      }
      return out;
    });
    await Promise.all(saved.map((r) => this.engine.apply(r)));
    const ids = saved.map((r) => r.id);
    await this.audit.record({ actor: actor.username, ip: actor.ip, action, target: `${saved.length} rules`, detail: detail(ids) });
    return { created: saved.length, ids };
  }

  async count(): Promise<{ total: number; active: number }> {
    const [total, active] = await Promise.all([this.repo.count(), this.repo.countBy({ active: true })]);
    return { total, active };
  }

  /** Persists cooldown state (and switches off rules that fire only once) inside the alert writer's transaction, so it survives restarts. */
  async markTriggered(manager: EntityManager, triggers: Map<number, number>, spentRuleIds: number[] = []): Promise<void> {
    if (spentRuleIds.length > 0) {
      await manager
        .createQueryBuilder()
        .update(AlertRuleEntity)
        .set({ active: false })
        .where('id IN (:...ids)', { ids: spentRuleIds })
        .execute();
    }
    for (const [ruleId, ts] of triggers) {
      await manager
        .createQueryBuilder()
        .update(AlertRuleEntity)
        .set({ lastTriggered: ts })
        .where('id = :ruleId AND (last_triggered IS NULL OR last_triggered < :ts)', { ruleId, ts })
        .execute();
    }
  }

  /** Newest first; a deleted rule keeps its history (404 only for an id that never existed). */
  async versions(id: number): Promise<RuleVersionsResponse> {
    const rows = await this.versionsRepo.find({ where: { ruleId: id }, order: { version: 'DESC' } });
    if (rows.length === 0) await this.require(id);
    return { rule_id: id, deleted: !(await this.repo.existsBy({ id })), versions: rows.map(toVersionDto) };
  }

  /** The definition a firing ran under, or null if that version was never recorded (rules older than their history). */
  async versionAt(id: number, version: number): Promise<RuleVersion | null> {
    const row = await this.versionsRepo.findOneBy({ ruleId: id, version });
    return row ? toVersionDto(row) : null;
  }

  /** The rule and its new version in one transaction: a version is never missing for a saved rule, nor recorded for a failed save. */
  private saveVersion(rule: AlertRuleEntity, change: RuleChange, actor: Principal): Promise<AlertRuleEntity> {
    return this.repo.manager.transaction((m) => writeVersion(m, rule, change, actor));
  }

  private validate(fields: RuleFields): void {
    this.instruments.require(fields.instrument_id);
    checkRuleSemantics(fields);
  }

  /** Every rule of these (distinct) ids, or a 404 naming the missing ones and saying what was not done. */
  private async requireAll(ids: number[], nothingDone: string): Promise<AlertRuleEntity[]> {
    const rows = await this.repo.findBy({ id: In(ids) });
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length > 0) throw new NotFoundError('RULE_NOT_FOUND', `No alert rule with ID ${missing.join(', ')}; ${nothingDone}`);
    return rows;
  }

  private async require(id: number): Promise<AlertRuleEntity> {
    const rule = await this.repo.findOneBy({ id });
    if (!rule) throw new NotFoundError('RULE_NOT_FOUND', `Alert rule with ID ${id} not found`);
    return rule;
  }

  /** Traders change their own rules; admins change any. */
  private checkOwnership(rule: AlertRuleEntity, actor: Principal): void {
    if (mayChange(rule, actor)) return;
    throw new AppException(403, 'NOT_OWNER', `Rule ${rule.id} belongs to another user; only its owner or an admin can change it`);
  }

  private toDto(rule: AlertRuleEntity, owners: Map<number, string>, firesToday: Map<number, number>): AlertRule {
    return toRuleDto(
      rule,
      this.instruments.findById(rule.instrumentId)?.symbol ?? '',
      rule.ownerId === null ? null : (owners.get(rule.ownerId) ?? null),
      firesToday.get(rule.id) ?? 0,
    );
  }

  private async oneDto(rule: AlertRuleEntity): Promise<AlertRule> {
    const [names, today] = await Promise.all([this.owners.names(), this.firings.today(rule.id)]);
    return this.toDto(rule, names, today);
  }

  private async forgetInstrument(instrumentId: number): Promise<void> {
    // The database cascade removed the rows already; drop them from the live engine too.
    const orphans = await this.repo.findBy({ instrumentId });
    for (const rule of orphans) await this.repo.delete({ id: rule.id });
    await Promise.all(this.engine.ruleIdsOf(instrumentId).map((id) => this.engine.remove(id)));
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
    options: optionsOf(f),
  };
}

/** The options a request sets (undefined ones left out, so defaults or the current values stay). */
function definedOptions(dto: Partial<RuleOptions>): Partial<RuleOptions> {
  const keys = Object.keys(DEFAULT_RULE_OPTIONS) as (keyof RuleOptions)[];
  return Object.fromEntries(keys.filter((k) => dto[k] !== undefined).map((k) => [k, dto[k]]));
}

function toVersionDto(v: RuleVersionEntity): RuleVersion {
  return {
    rule_id: v.ruleId,
    version: v.version,
    change: v.change,
    changed_by: v.changedBy,
    changed_at: toIso(v.changedAt) ?? '',
    // Versions written before rule options existed lack them: they had the defaults.
    definition: { ...withDefaults(v.definition), ...v.definition },
  };
}

/** Traders change their own rules; admins change any. */
function mayChange(rule: AlertRuleEntity, actor: Principal): boolean {
  return roleAtLeast(actor.role, 'admin') || (rule.ownerId !== null && rule.ownerId === actor.userId);
}

/** Saves a rule and records the version it now is, in the caller's transaction. */
async function writeVersion(m: EntityManager, rule: AlertRuleEntity, change: RuleChange, actor: Principal): Promise<AlertRuleEntity> {
  // A new version is a new engine rule: its hysteresis starts armed (see RearmStore).
  const saved = await m.save(AlertRuleEntity, Object.assign(rule, { rearmPrice: null, rearmAt: null }));
  await m.insert(RuleVersionEntity, {
    ruleId: saved.id,
    version: saved.version,
    change,
    changedBy: actor.username,
    changedAt: saved.updatedAt,
    definition: toRuleFields(saved),
  });
  return saved;
}
