import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, type Repository } from 'typeorm';
import { toIso } from '../common';
import { redact } from '../logging';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { chainHash, GENESIS_HASH, verifyChain, type ChainVerdict } from './hash-chain';

export interface AuditEvent {
  actor: string | null;
  action: string;
  target?: string | null;
  outcome?: 'ok' | 'failed' | 'denied';
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditEntryDto {
  id: number;
  timestamp: string;
  actor: string | null;
  action: string;
  target: string | null;
  outcome: string;
  ip: string | null;
  detail: Record<string, unknown>;
  hash: string;
}

export interface AuditQuery {
  action?: string;
  actor?: string;
  limit?: number;
  offset?: number;
}

const VERIFY_PAGE = 1000;

/** Append-only security log whose rows are hash-chained; writes are serialized so the chain never forks. */
@Injectable()
export class AuditService implements OnModuleInit {
  private readonly logger = new Logger(AuditService.name);
  private lastHash = GENESIS_HASH;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@InjectRepository(AuditEntryEntity) private readonly repo: Repository<AuditEntryEntity>) {}

  async onModuleInit(): Promise<void> {
    const [last] = await this.repo.find({ order: { id: 'DESC' }, take: 1 });
    this.lastHash = last?.hash ?? GENESIS_HASH;
  }

  record(event: AuditEvent): Promise<void> {
    const write = this.queue.then(async () => {
      const fields = {
        ts: Date.now(),
        actor: event.actor,
        action: event.action,
        target: event.target ?? null,
        outcome: event.outcome ?? 'ok',
        ip: event.ip ?? null,
        // Redacted again here: an audit row must never carry a secret even if a caller slips.
        detail: JSON.stringify(redact(event.detail ?? {})),
      };
      const hash = chainHash(fields, this.lastHash);
      await this.repo.insert({ ...fields, prevHash: this.lastHash, hash });
      this.lastHash = hash;
    });
    this.queue = write.catch((error: unknown) => this.logger.error({ message: 'Audit write failed', error }));
    return write;
  }

  async list(query: AuditQuery): Promise<{ entries: AuditEntryDto[]; total: number }> {
    const [rows, total] = await this.repo.findAndCount({
      where: { ...(query.action && { action: query.action }), ...(query.actor && { actor: query.actor }) },
      order: { id: 'DESC' },
      take: query.limit ?? 100,
      skip: query.offset ?? 0,
    });
    return {
      entries: rows.map((r) => ({
        id: r.id,
        timestamp: toIso(r.ts) ?? '',
        actor: r.actor,
        action: r.action,
        target: r.target,
        outcome: r.outcome,
        ip: r.ip,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
        hash: r.hash,
      })),
      total,
    };
  }

  /** Streams the table in pages so verifying a large log stays within memory. */
  async verify(): Promise<ChainVerdict> {
    await this.queue;
    let state = { previous: GENESIS_HASH, checked: 0 };
    let after = 0;
    for (;;) {
      const page = await this.repo.find({ where: { id: MoreThan(after) }, order: { id: 'ASC' }, take: VERIFY_PAGE });
      const { last, ...verdict } = verifyChain(page, state);
      if (!verdict.ok || page.length < VERIFY_PAGE) return verdict;
      state = { previous: last, checked: verdict.checked };
      after = page[page.length - 1]?.id ?? after;
    }
  }
}
