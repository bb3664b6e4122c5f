import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThanOrEqual, Not, type Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { InboxEntity } from './entities/inbox.entity';
import { NotificationEntity } from './entities/notification.entity';
import { idempotencyKey, outboxRow } from './outbox-row';

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
        alertId: Not(IsNull()),
        acknowledgedAt: IsNull(),
        escalatedAt: IsNull(),
        archivedAt: IsNull(),
        createdAt: LessThanOrEqual(now - this.config.notifications.escalation_minutes * 60_000),
      },
      take: 100,
    });
    for (const entry of due) {
      // System alerts (no alert id) are already with every administrator and are not escalated.
      const alertId = entry.alertId as number;
      await this.inbox.manager.transaction(async (m) => {
        const claimed = await m.update(InboxEntity, { id: entry.id, escalatedAt: IsNull() }, { escalatedAt: now });
        if (!claimed.affected) return;
        await m.insert(
          NotificationEntity,
          outboxRow({ alertId }, channel, entry.userId, `${idempotencyKey(alertId, channel, entry.userId)}-escalated`, now),
        );
      });
      this.logger.log({ message: 'Urgent alert escalated', alert: alertId, channel });
    }
    return due.length;
  }
}
