import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EventEmitter } from 'node:events';
import { IsNull, MoreThan, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import type { AlertPriority, InboxAction, InboxItem, InboxPage } from '@tradeassist/shared-types';
import { NotFoundError, toIso } from '../../common';
import { InboxEntity } from '../entities/inbox.entity';

/** A new entry for someone's notification center. */
export interface InboxEntry {
  userId: number;
  alertId: number | null;
  systemEventId?: number | null;
  priority: AlertPriority;
  title: string;
  body: string;
}

export function toInboxItem(e: InboxEntity): InboxItem {
  return {
    id: e.id,
    alert_id: e.alertId,
    system_event_id: e.systemEventId,
    priority: e.priority,
    title: e.title,
    body: e.body,
    created_at: toIso(e.createdAt) ?? '',
    read: e.readAt !== null,
    acknowledged_at: toIso(e.acknowledgedAt),
    snoozed_until: toIso(e.snoozedUntil),
    archived: e.archivedAt !== null,
  };
}

/**
 * The in-app notification center: entries written with their alert, read back by id order (a
 * client that reconnects asks for what came after the last id it saw), and their state changed
 * only by their own user. New entries are announced after their transaction commits (SSE).
 */
@Injectable()
export class InboxService {
  /** 'added' with the user id and the item, after commit. */
  readonly events = new EventEmitter<{ added: [number, InboxItem] }>();

  constructor(@InjectRepository(InboxEntity) private readonly repo: Repository<InboxEntity>) {
    this.events.setMaxListeners(0);
  }

  /** In the caller's (the alert's) transaction; announce() the result once it has committed. */
  async write(manager: EntityManager, entries: InboxEntry[]): Promise<InboxEntity[]> {
    if (entries.length === 0) return [];
    const now = Date.now();
    const rows = entries.map((e) =>
      manager.create(InboxEntity, {
        systemEventId: null,
        ...e,
        createdAt: now,
        readAt: null,
        acknowledgedAt: null,
        snoozedUntil: null,
        archivedAt: null,
        escalatedAt: null,
      }),
    );
    return manager.save(InboxEntity, rows);
  }

  announce(rows: InboxEntity[]): void {
    for (const row of rows) this.events.emit('added', row.userId, toInboxItem(row));
  }

  async page(userId: number, afterId: number, includeArchived: boolean, limit: number): Promise<InboxPage> {
    const where: FindOptionsWhere<InboxEntity> = {
      userId,
      ...(afterId > 0 && { id: MoreThan(afterId) }),
      ...(!includeArchived && { archivedAt: IsNull() }),
    };
    const rows = await this.repo.find({ where, order: { id: afterId > 0 ? 'ASC' : 'DESC' }, take: limit });
    return { items: rows.map(toInboxItem), unread: await this.unread(userId) };
  }

  async unread(userId: number, now = Date.now()): Promise<number> {
    return this.repo
      .createQueryBuilder('i')
      .where(
        'i.user_id = :userId AND i.read_at IS NULL AND i.archived_at IS NULL AND (i.snoozed_until IS NULL OR i.snoozed_until <= :now)',
        { userId, now },
      )
      .getCount();
  }

  async act(userId: number, id: number, action: InboxAction, snoozeMinutes?: number): Promise<InboxItem> {
    const row = await this.repo.findOneBy({ id, userId });
    if (!row) throw new NotFoundError('INBOX_ITEM_NOT_FOUND', `Notification ${id} not found`);
    const now = Date.now();
    switch (action) {
      case 'read':
        row.readAt ??= now;
        break;
      case 'unread':
        row.readAt = null;
        break;
      case 'acknowledge':
        row.acknowledgedAt ??= now;
        row.readAt ??= now;
        break;
      case 'snooze':
        row.snoozedUntil = now + (snoozeMinutes ?? 15) * 60_000;
        break;
      case 'archive':
        row.archivedAt ??= now;
        break;
      case 'unarchive':
        row.archivedAt = null;
        break;
    }
    return toInboxItem(await this.repo.save(row));
  }

  /** Acts on the user's entry for an alert (a signed link names the alert, not the entry). */
  async actOnAlert(userId: number, alertId: number, action: InboxAction, snoozeMinutes?: number): Promise<InboxItem> {
    const row = await this.repo.findOneBy({ userId, alertId });
    if (!row)
      throw new NotFoundError('INBOX_ITEM_NOT_FOUND', `Alert ${alertId} is not in your notification center (it may have been deleted)`);
    return this.act(userId, row.id, action, snoozeMinutes);
  }

  async readAll(userId: number): Promise<number> {
    const res = await this.repo.update({ userId, readAt: IsNull() }, { readAt: Date.now() });
    return res.affected ?? 0;
  }
}
