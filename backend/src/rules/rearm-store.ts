import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { RearmState } from '../engine';
import { AlertRuleEntity } from './entities/alert-rule.entity';

/**
 * Re-arm hysteresis on the rule rows, so a restart resumes a rule that fired and waits for the
 * price to move back (RuleEngineService.load restores it). A new version clears it.
 */
@Injectable()
export class RearmStore {
  constructor(@InjectRepository(AlertRuleEntity) private readonly repo: Repository<AlertRuleEntity>) {}

  /**
   * With the alerts when the batch fired (their transaction's manager), alone otherwise. A state of
   * an edited rule's older version, or older than the stored one (batches in flight together), is dropped.
   */
  async save(changes: RearmState[], manager: EntityManager = this.repo.manager): Promise<void> {
    for (const c of changes) {
      await manager
        .createQueryBuilder()
        .update(AlertRuleEntity)
        .set({ rearmPrice: c.firePrice, rearmAt: c.atMs })
        .where('id = :id AND version = :version AND (rearm_at IS NULL OR rearm_at <= :at)', {
          id: c.ruleId,
          version: c.version,
          at: c.atMs,
        })
        .execute();
    }
  }
}
