import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import type { AlertPriority, SystemEvent, SystemEventType } from '@tradeassist/shared-types';
import { UsersService } from '../../auth';
import { toIso } from '../../common';
import { NotificationEntity } from '../entities/notification.entity';
import { SystemEventEntity } from '../entities/system-event.entity';
import { InboxService } from '../inbox/inbox.service';
import { outboxRow, viaOutbox } from '../outbox-row';
import { PreferencesService } from '../preferences/preferences.service';

/** How often the same event (type and subject) may be raised again. */
export const SYSTEM_EVENT_QUIET_MS = 30 * 60_000;

export interface RaiseSystemEvent {
  type: SystemEventType;
  priority: AlertPriority;
  title: string;
  body: string;
  details?: Record<string, unknown>;
  /** Distinguishes events of one type (e.g. which channel fails); with the type, what repeats are folded by. */
  subject?: string;
}

function toSystemEvent(e: SystemEventEntity): SystemEvent {
  return {
    id: e.id,
    type: e.type,
    priority: e.priority,
    title: e.title,
    body: e.body,
    details: e.details,
    created_at: toIso(e.createdAt) ?? '',
  };
}

/**
 * Events administrators must hear about (the feed went quiet, a channel keeps failing, the disk is
 * filling up) go through the same pipeline as price alerts: stored, put in every administrator's
 * notification center and sent to their channels through the outbox, in one transaction. A
 * repeat within SYSTEM_EVENT_QUIET_MS is folded into the first.
 */
@Injectable()
export class SystemEventsService {
  private readonly logger = new Logger(SystemEventsService.name);
  private readonly lastRaised = new Map<string, number>();

  constructor(
    @InjectRepository(SystemEventEntity) private readonly repo: Repository<SystemEventEntity>,
    private readonly dataSource: DataSource,
    private readonly inbox: InboxService,
    private readonly preferences: PreferencesService,
    private readonly users: UsersService,
  ) {}

  /** Returns the event stored, or null when it repeats one raised recently. */
  async raise(e: RaiseSystemEvent, now = Date.now()): Promise<SystemEvent | null> {
    const fold = `${e.type}:${e.subject ?? ''}`;
    const last = this.lastRaised.get(fold);
    if (last !== undefined && now - last < SYSTEM_EVENT_QUIET_MS) return null;
    this.lastRaised.set(fold, now);
    this.logger.warn({ message: `System alert: ${e.title}`, type: e.type, details: e.details });
    const admins = (await this.users.list()).filter((u) => u.role === 'admin' && !u.disabled);
    const { saved, entries } = await this.dataSource.transaction(async (m) => {
      const saved = await m.save(
        m.create(SystemEventEntity, {
          type: e.type,
          priority: e.priority,
          title: e.title,
          body: e.body,
          details: e.details ?? {},
          createdAt: now,
        }),
      );
      const rows = admins.flatMap((admin) =>
        // Routed like an alert without channels of its own: each administrator's defaults and settings.
        this.preferences
          .route(admin.id, null, e.priority, now)
          .filter((c) => viaOutbox(c, e.priority))
          .map((channel) =>
            outboxRow({ systemEventId: saved.id }, channel, admin.id, `system-${saved.id}-${channel}-${admin.id}`, now, {
              silent: this.preferences.deliveryOptions(admin.id, channel).silent,
            }),
          ),
      );
      if (rows.length > 0) await m.insert(NotificationEntity, rows);
      const entries = await this.inbox.write(
        m,
        admins.map((a) => ({ userId: a.id, alertId: null, systemEventId: saved.id, priority: e.priority, title: e.title, body: e.body })),
      );
      return { saved, entries };
    });
    this.inbox.announce(entries);
    return toSystemEvent(saved);
  }

  async list(limit = 200): Promise<SystemEvent[]> {
    return (await this.repo.find({ order: { id: 'DESC' }, take: limit })).map(toSystemEvent);
  }

  async find(ids: number[]): Promise<Map<number, SystemEvent>> {
    const rows = ids.length === 0 ? [] : await this.repo.findBy({ id: In(ids) });
    return new Map(rows.map((r) => [r.id, toSystemEvent(r)]));
  }

  /** Forgets what was raised, so the next occurrence is raised at once (tests; a resolved condition). */
  reset(type: SystemEventType, subject = ''): void {
    this.lastRaised.delete(`${type}:${subject}`);
  }
}
