import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThanOrEqual, type Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { InboxEntity } from './entities/inbox.entity';
import { NotificationEntity } from './entities/notification.entity';
import { idempotencyKey } from './outbox.service';

/**
 * An urgent alert nobody acknowledged in the notification center within ESCALATION_MINUTES goes
 * to the escalation channel too, once (its own idempotency key), through the same outbox.
 */
@Injectable()
export class EscalationService {
  private readonly logger = new Logger(EscalationService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(InboxEntity) private readonly inbox: Repository<InboxEntity>,
  ) {}

  /** Escalates what is due; returns how many. Runs with each dispatcher pass. */
  async escalate(now = Date.now()): Promise<number> {
    const channel = this.config.notifications.escalation_channel;
    if (!channel) return 0;
    const due = await this.inbox.find({
      where: {
        priority: 'urgent',
        acknowledgedAt: IsNull(),
        escalatedAt: IsNull(),
        archivedAt: IsNull(),
        createdAt: LessThanOrEqual(now - this.config.notifications.escalation_minutes * 60_000),
      },
      take: 100,
    });
    for (const entry of due) {
      await this.inbox.manager.transaction(async (m) => {
        const claimed = await m.update(InboxEntity, { id: entry.id, escalatedAt: IsNull() }, { escalatedAt: now });
        if (!claimed.affected) return;
        await m.insert(NotificationEntity, {
          alertId: entry.alertId,
          channel,
          recipientId: entry.userId,
          idempotencyKey: `${idempotencyKey(entry.alertId, channel, entry.userId)}-escalated`,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          lastError: null,
          createdAt: now,
          sentAt: null,
        });
      });
      this.logger.log({ message: 'Urgent alert escalated', alert: entry.alertId, channel });
    }
    return due.length;
  }
}
