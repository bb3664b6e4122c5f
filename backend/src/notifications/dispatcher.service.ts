import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { In, LessThanOrEqual, type Repository } from 'typeorm';
import { ALERT_PRIORITIES, type AlertPriority, type NotificationChannel } from '@tradeassist/shared-types';
import { UsersService } from '../auth';
import { APP_CONFIG, type AppConfig } from '../config';
import { ActionLinksService } from './action-links/action-links.service';
import { retryDelayMs } from './backoff';
import { ChannelSettingsService } from './channel-settings/channel-settings.service';
import { isOutboxChannel } from './channel-settings/channel-fields';
import type { ChannelSender, Delivery, SendResult } from './channels/channel-sender';
import { createSenders } from './channels/channel-registry';
import { NotificationAttemptEntity } from './entities/notification-attempt.entity';
import { NotificationEntity } from './entities/notification.entity';
import { EscalationService } from './escalation.service';
import { MessageComposer } from './message/message-composer';
import type { NotificationMessage } from './message/notification-message';
import { sampleAlert } from './message/sample-alert';
import { SystemEventsService } from './system/system-events.service';
import { parseRateLimits, TokenBucket } from './token-bucket';

const BATCH = 50;
/** Sends in flight at once during a pass. */
const IN_FLIGHT = 8;

/**
 * Sends due outbox rows: claims each (pending → sending, one more attempt), sends it through its
 * channel, records the attempt, then marks it sent, schedules a retry, or moves it to the
 * dead-letter list. Rows sharing a digest key are claimed and sent together as one message.
 * Rows left 'sending' by a crash are due again at start: a receiver that keeps the idempotency
 * key sees the repeat as what it is.
 */
@Injectable()
export class DispatcherService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DispatcherService.name);
  private senders = new Map<NotificationChannel, ChannelSender>();
  private sendersBuiltAt = -1;
  private readonly budgets = new Map<string, TokenBucket>();
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(NotificationEntity) private readonly outbox: Repository<NotificationEntity>,
    @InjectRepository(NotificationAttemptEntity) private readonly attempts: Repository<NotificationAttemptEntity>,
    private readonly users: UsersService,
    private readonly escalation: EscalationService,
    private readonly settings: ChannelSettingsService,
    private readonly composer: MessageComposer,
    private readonly links: ActionLinksService,
    private readonly systemEvents: SystemEventsService,
  ) {
    for (const [channel, perMinute] of parseRateLimits(config.notifications.rate_limits)) {
      this.budgets.set(channel, new TokenBucket(perMinute, Math.max(1, Math.ceil(perMinute / 12))));
    }
  }

  async onModuleInit(): Promise<void> {
    await this.outbox.update({ status: 'sending' }, { status: 'pending' });
    this.timer = setInterval(() => void this.runOnce(), this.config.notifications.dispatch_interval_ms);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.busy;
  }

  /** One pass over what is due; passes never overlap. Resolves when it is done (tests and shutdown wait on it). */
  runOnce(): Promise<void> {
    this.busy ??= this.pass().finally(() => (this.busy = null));
    return this.busy;
  }

  /** Why a channel cannot send now (switched off, or a credential missing), or null. */
  unavailable(channel: NotificationChannel): string | null {
    if (isOutboxChannel(channel) && !this.settings.enabled(channel)) return `the ${channel} channel is switched off by an administrator`;
    const sender = this.sender(channel);
    if (!sender) return `the ${channel} channel is delivered by the console, not sent`;
    return sender.unavailable();
  }

  private async pass(): Promise<void> {
    try {
      await this.escalation.escalate();
      const due = await this.outbox.find({
        where: { status: 'pending', nextAttemptAt: LessThanOrEqual(Date.now()) },
        order: { nextAttemptAt: 'ASC', id: 'ASC' },
        take: BATCH,
      });
      // A few at a time: a slow provider holds up its own sends, not everything behind them.
      const queue = [...due];
      const worker = async (): Promise<void> => {
        for (let row = queue.shift(); row; row = queue.shift()) await this.deliver(row);
      };
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, queue.length) }, worker));
    } catch (error) {
      this.logger.error({ message: 'Notification dispatch pass failed', error });
    }
  }

  private async deliver(row: NotificationEntity): Promise<void> {
    const budget = this.budgets.get(row.channel)?.take();
    if (budget && !budget.ok) {
      // Over the channel's budget: due again when a send is allowed; waiting is not an attempt.
      await this.outbox.update({ id: row.id, status: 'pending' }, { nextAttemptAt: Date.now() + budget.waitMs });
      return;
    }
    const { group, attempt } = await this.claim(row);
    if (group.length === 0) return;
    const started = performance.now();
    const result = await this.send(group, attempt);
    const latencyMs = performance.now() - started;
    const now = Date.now();
    const ids = group.map((r) => r.id);
    await this.attempts.insert(
      ids.map((notificationId) => ({
        notificationId,
        at: now,
        ok: result.ok,
        statusCode: result.statusCode,
        latencyMs,
        error: result.error,
      })),
    );
    const dead = !result.ok && (result.permanent === true || attempt >= this.config.notifications.max_attempts);
    await this.outbox.update(
      { id: In(ids) },
      result.ok
        ? { status: 'sent', sentAt: now, lastError: null }
        : dead
          ? { status: 'dead', lastError: result.error }
          : { status: 'pending', lastError: result.error, nextAttemptAt: now + retryDelayMs(attempt, result.retryAfterMs) },
    );
    if (dead) await this.died(row, ids.length, result.error);
    if (result.ok || dead)
      for (const alertId of new Set(group.map((r) => r.alertId))) if (alertId !== null) await this.composer.summarize(alertId);
  }

  /** Claims the row, or every pending row of its digest (what one message will carry), counting the attempt before it is made. */
  private async claim(row: NotificationEntity): Promise<{ group: NotificationEntity[]; attempt: number }> {
    const claim = { status: 'sending' as const, attempts: () => 'attempts + 1' };
    if (!row.digestKey) {
      const claimed = await this.outbox.update({ id: row.id, status: 'pending' }, claim);
      return { group: claimed.affected ? [row] : [], attempt: row.attempts + 1 };
    }
    const claimed = await this.outbox.update({ digestKey: row.digestKey, status: 'pending' }, claim);
    if (!claimed.affected) return { group: [], attempt: 0 };
    const group = await this.outbox.find({ where: { digestKey: row.digestKey, status: 'sending' }, order: { id: 'ASC' } });
    return { group, attempt: Math.max(...group.map((r) => r.attempts)) };
  }

  private async died(row: NotificationEntity, count: number, error: string | null): Promise<void> {
    this.logger.warn({ message: 'Notification moved to the dead-letter list', notification: row.id, count, channel: row.channel, error });
    // A system alert that cannot be sent does not raise another: the notification center still has it.
    if (row.systemEventId !== null) return;
    await this.systemEvents.raise({
      type: 'channel_failing',
      subject: row.channel,
      priority: 'high',
      title: `${row.channel} notifications are failing`,
      body: `A ${row.channel} notification could not be delivered: ${error ?? 'no reason given'}. Check the channel's settings, then replay it from the dead-letter list.`,
      details: { channel: row.channel, notification_id: row.id, error },
    });
  }

  /** Sends a sample alert through a channel now (no outbox, no retry) and returns what the provider answered. */
  async testSend(channel: NotificationChannel, recipientId: number | null): Promise<SendResult> {
    const unavailable = this.unavailable(channel);
    if (unavailable) return { ok: false, statusCode: null, error: unavailable, permanent: true };
    const user = recipientId === null ? null : await this.users.findById(recipientId);
    const message = this.composer.alert(sampleAlert(), 'normal', channel, null);
    return (this.sender(channel) as ChannelSender).send({
      idempotencyKey: `test-${channel}-${Date.now()}`,
      attempt: 1,
      silent: false,
      recipient: user && { id: user.id, username: user.username, email: user.email, phone: user.phone },
      message,
    });
  }

  private async send(group: NotificationEntity[], attempt: number): Promise<SendResult> {
    const first = group[0] as NotificationEntity;
    const unavailable = this.unavailable(first.channel);
    if (unavailable) return { ok: false, statusCode: null, error: unavailable, permanent: true };
    try {
      const message = await this.compose(group);
      if (!message) return { ok: false, statusCode: null, error: 'the alert was deleted', permanent: true };
      const user = first.recipientId === null ? null : await this.users.findById(first.recipientId);
      const delivery: Delivery = {
        idempotencyKey: first.digestKey ?? first.idempotencyKey,
        attempt,
        silent: group.every((r) => r.silent),
        recipient: user && { id: user.id, username: user.username, email: user.email, phone: user.phone },
        message,
      };
      return await (this.sender(first.channel) as ChannelSender).send(delivery);
    } catch (error) {
      this.logger.error({ message: 'Notification send failed unexpectedly', notification: first.id, error });
      return { ok: false, statusCode: null, error: 'internal error while sending; see the server log' };
    }
  }

  /** What the rows say: a digest, a system event or one alert (null when what they were about is gone). */
  private async compose(group: NotificationEntity[]): Promise<NotificationMessage | null> {
    const first = group[0] as NotificationEntity;
    if (first.systemEventId !== null) return this.composer.system(first.systemEventId);
    const alerts = await this.composer.alerts(group.map((r) => r.alertId).filter((id): id is number => id !== null));
    if (alerts.length === 0) return null;
    if (first.digestKey) {
      const priority = alerts.map((a) => a.priority).reduce(higher, 'low');
      return this.composer.digest(
        alerts.map((a) => a.alert),
        priority,
        first.digestKey,
      );
    }
    const { alert, priority } = alerts[0] as (typeof alerts)[number];
    return this.composer.alert(alert, priority, first.channel, this.links.forAlert(alert.id, first.recipientId));
  }

  private sender(channel: NotificationChannel): ChannelSender | undefined {
    // Clients (Slack, SMTP) are built from the settings, again whenever an administrator changes them.
    if (this.sendersBuiltAt !== this.settings.changes) {
      this.senders = createSenders(this.settings.senderConfig());
      this.sendersBuiltAt = this.settings.changes;
    }
    return this.senders.get(channel);
  }
}

const higher = (a: AlertPriority, b: AlertPriority): AlertPriority => (ALERT_PRIORITIES.indexOf(a) >= ALERT_PRIORITIES.indexOf(b) ? a : b);
