import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  Between,
  In,
  LessThanOrEqual,
  MoreThanOrEqual,
  type DataSource,
  type EntityManager,
  type FindOptionsWhere,
  type Repository,
} from 'typeorm';
import {
  ALERT_PAGE,
  type AlertDetail,
  type DeliveryStatus,
  type AlertListResponse,
  type AlertLog,
  type AlertStats,
} from '@tradeassist/shared-types';
import { NotFoundError, toIso } from '../common';
import { RuleFirings, RulesService } from '../rules';
import type { AlertQueryDto } from './dto/alert.dto';
import { AlertLogEntity } from './entities/alert-log.entity';

export type NewAlert = Omit<AlertLogEntity, 'id' | 'createdAt'>;

const DAY_MS = 86_400_000;

export function toAlertDto(e: AlertLogEntity): AlertLog {
  return {
    id: e.id,
    timestamp: toIso(e.ts) ?? '',
    rule_id: e.ruleId,
    rule_version: e.ruleVersion,
    rule_name: e.ruleName,
    instrument_id: e.instrumentId,
    instrument_symbol: e.instrumentSymbol,
    trigger_value: e.triggerValue,
    threshold_value: e.thresholdValue,
    fired_status: e.firedStatus,
    delivery_status: e.deliveryStatus,
    rule_condition: e.ruleCondition,
    rule_type: e.ruleType,
    evaluation_time_ms: e.evaluationTimeMs,
    alert_message: e.alertMessage,
  };
}

function startOfUtcWeek(now: number): number {
  const day = new Date(now).getUTCDay(); // 0 = Sunday; weeks start on Monday
  const today = now - (now % DAY_MS);
  return today - ((day + 6) % 7) * DAY_MS;
}

@Injectable()
export class AlertsService implements OnModuleInit {
  constructor(
    @InjectRepository(AlertLogEntity) private readonly repo: Repository<AlertLogEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RulesService,
    private readonly firings: RuleFirings,
  ) {}

  onModuleInit(): void {
    this.firings.countWith((sinceMs, ruleId) => this.countByRuleSince(sinceMs, ruleId));
  }

  /** One transaction: the alert rows, the rules' persisted cooldown state, and 'once' rules switched off. */
  async record(
    alerts: NewAlert[],
    spentRuleIds: number[] = [],
    /** More writes that must land with the alerts or not at all (the notification outbox). */
    alongside?: (manager: EntityManager, saved: AlertLogEntity[]) => Promise<void>,
  ): Promise<AlertLogEntity[]> {
    if (alerts.length === 0) return [];
    const createdAt = Date.now();
    return this.dataSource.transaction(async (manager) => {
      const saved: AlertLogEntity[] = [];
      const triggers = new Map<number, number>();
      for (const alert of alerts) {
        const row = manager.create(AlertLogEntity, { ...alert, createdAt });
        const result = await manager.insert(AlertLogEntity, row);
        row.id = Number(result.identifiers[0]?.['id']);
        saved.push(row);
        triggers.set(alert.ruleId, Math.max(triggers.get(alert.ruleId) ?? 0, alert.ts));
      }
      await this.rules.markTriggered(manager, triggers, spentRuleIds);
      if (alongside) await alongside(manager, saved);
      return saved;
    });
  }

  async list(query: AlertQueryDto): Promise<AlertListResponse> {
    const limit = query.limit ?? ALERT_PAGE.defaultLimit;
    const offset = query.offset ?? 0;
    const [rows, total] = await this.repo.findAndCount({
      where: this.where(query),
      order: { ts: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { alerts: rows.map(toAlertDto), total, has_more: offset + rows.length < total, page: Math.floor(offset / limit) + 1, limit };
  }

  async detail(id: number): Promise<AlertDetail> {
    const [found] = await this.details([id]);
    if (!found) throw new NotFoundError('ALERT_NOT_FOUND', `Alert with ID ${id} not found`);
    return found;
  }

  /**
   * The alerts that still exist among ids, in id order (a digest's alerts): a query per 500 ids and
   * one rule-version read per distinct (rule, version), not a query pair per alert.
   */
  async details(ids: readonly number[]): Promise<AlertDetail[]> {
    const rows: AlertLogEntity[] = [];
    for (let i = 0; i < ids.length; i += 500) rows.push(...(await this.repo.findBy({ id: In(ids.slice(i, i + 500)) })));
    rows.sort((a, b) => a.id - b.id);
    const versions = new Map<string, ReturnType<RulesService['versionAt']>>();
    return Promise.all(
      rows.map(async (row) => {
        const key = `${row.ruleId}:${row.ruleVersion}`;
        let version = versions.get(key);
        if (!version) versions.set(key, (version = this.rules.versionAt(row.ruleId, row.ruleVersion)));
        return { ...toAlertDto(row), explanation: row.explanation, rule_definition: await version };
      }),
    );
  }

  /** What the outbox says of an alert's deliveries (only alerts still there: a deleted one is left alone). */
  async setDeliveryStatus(id: number, status: DeliveryStatus): Promise<void> {
    await this.repo.update({ id }, { deliveryStatus: status });
  }

  async remove(id: number): Promise<void> {
    const result = await this.repo.delete({ id });
    if (!result.affected) throw new NotFoundError('ALERT_NOT_FOUND', `Alert with ID ${id} not found`);
  }

  async lastAlertTs(): Promise<number | null> {
    const [latest] = await this.repo.find({ order: { ts: 'DESC', id: 'DESC' }, take: 1 });
    return latest?.ts ?? null;
  }

  async countSince(sinceMs: number): Promise<number> {
    return this.repo.countBy({ ts: MoreThanOrEqual(sinceMs) });
  }

  /** Alerts per rule with a tick time from sinceMs on, in one grouped query (one rule's when ruleId is given). */
  async countByRuleSince(sinceMs: number, ruleId?: number): Promise<Map<number, number>> {
    const q = this.repo
      .createQueryBuilder('a')
      .select('a.rule_id', 'rule_id')
      .addSelect('COUNT(*)', 'n')
      .where('a.ts >= :sinceMs', { sinceMs })
      .groupBy('a.rule_id');
    if (ruleId !== undefined) q.andWhere('a.rule_id = :ruleId', { ruleId });
    const rows = await q.getRawMany<{ rule_id: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.rule_id), Number(r.n)]));
  }

  async stats(now = Date.now()): Promise<AlertStats> {
    const timing = await this.repo
      .createQueryBuilder('a')
      .select('AVG(a.evaluation_time_ms)', 'avg')
      .addSelect('MIN(a.evaluation_time_ms)', 'min')
      .addSelect('MAX(a.evaluation_time_ms)', 'max')
      .getRawOne<{ avg: number | string | null; min: number | string | null; max: number | string | null }>();
    const byInstrument = await this.groupCount('instrument_symbol');
    const byType = await this.groupCount('rule_type');
    return {
      total_alerts_today: await this.countSince(now - (now % DAY_MS)),
      total_alerts_this_week: await this.countSince(startOfUtcWeek(now)),
      avg_evaluation_time_ms: Number(timing?.avg ?? 0),
      fastest_evaluation_ms: Number(timing?.min ?? 0),
      slowest_evaluation_ms: Number(timing?.max ?? 0),
      alerts_by_instrument: byInstrument,
      alerts_by_rule_type: byType,
    };
  }

  private async groupCount(column: 'instrument_symbol' | 'rule_type'): Promise<Record<string, number>> {
    const rows = await this.repo
      .createQueryBuilder('a')
      .select(`a.${column}`, 'key')
      .addSelect('COUNT(*)', 'n')
      .groupBy(`a.${column}`)
      .orderBy(`a.${column}`)
      .getRawMany<{ key: string; n: number | string }>();
    return Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
  }

  private where(q: AlertQueryDto): FindOptionsWhere<AlertLogEntity> {
    const from = q.date_from ? Date.parse(`${q.date_from}T00:00:00Z`) : undefined;
    const to = q.date_to ? Date.parse(`${q.date_to}T00:00:00Z`) + DAY_MS - 1 : undefined;
    return {
      ...(q.instrument_id !== undefined && { instrumentId: q.instrument_id }),
      ...(q.rule_id !== undefined && { ruleId: q.rule_id }),
      ...(q.fired_status !== undefined && { firedStatus: q.fired_status }),
      ...(q.delivery_status !== undefined && { deliveryStatus: q.delivery_status }),
      ...(from !== undefined && to !== undefined
        ? { ts: Between(from, to) }
        : from !== undefined
          ? { ts: MoreThanOrEqual(from) }
          : to !== undefined
            ? { ts: LessThanOrEqual(to) }
            : {}),
    };
  }
}
