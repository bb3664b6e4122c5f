import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { LessThanOrEqual, type Repository } from 'typeorm';
import type { AlertDetail, NotificationChannel } from '@tradeassist/shared-types';
import { AlertsService } from '../alerts';
import { UsersService } from '../auth';
import { AppException } from '../common';
import { APP_CONFIG, type AppConfig } from '../config';
import { retryDelayMs } from './backoff';
import { parseRateLimits, TokenBucket } from './token-bucket';
import type { ChannelSender, SendResult } from './channels/channel-sender';
import { createSenders } from './channels/channel-registry';
import { NotificationAttemptEntity } from './entities/notification-attempt.entity';
import { NotificationEntity } from './entities/notification.entity';
import { EscalationService } from './escalation.service';

const BATCH = 50;
/** Sends in flight at once during a pass. */
const IN_FLIGHT = 8;

/**
 * Sends due outbox rows: claims each (pending → sending, one more attempt), sends it through its
 * channel, records the attempt, then marks it sent, schedules a retry, or moves it to the
 * dead-letter list. Rows left 'sending' by a crash are due again at start: a receiver that keeps
 * the idempotency key sees the repeat as what it is.
 */
@Injectable()
export class DispatcherService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DispatcherService.name);
  private readonly senders: Map<NotificationChannel, ChannelSender>;
  private readonly budgets = new Map<string, TokenBucket>();
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(NotificationEntity) private readonly outbox: Repository<NotificationEntity>,
    @InjectRepository(NotificationAttemptEntity) private readonly attempts: Repository<NotificationAttemptEntity>,
    private readonly alerts: AlertsService,
    private readonly users: UsersService,
    private readonly escalation: EscalationService,
  ) {
    this.senders = createSenders(config.notifications);
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
    const claimed = await this.outbox.update({ id: row.id, status: 'pending' }, { status: 'sending', attempts: row.attempts + 1 });
    if (!claimed.affected) return;
    const attempt = row.attempts + 1;
    const started = performance.now();
    const result = await this.send(row, attempt);
    const latencyMs = performance.now() - started;
    const now = Date.now();
    await this.attempts.insert({
      notificationId: row.id,
      at: now,
      ok: result.ok,
      statusCode: result.statusCode,
      latencyMs,
      error: result.error,
    });
    if (result.ok) {
      await this.outbox.update({ id: row.id }, { status: 'sent', sentAt: now, lastError: null });
      await this.summarize(row.alertId);
      return;
    }
    const dead = result.permanent === true || attempt >= this.config.notifications.max_attempts;
    await this.outbox.update(
      { id: row.id },
      dead
        ? { status: 'dead', lastError: result.error }
        : { status: 'pending', lastError: result.error, nextAttemptAt: now + retryDelayMs(attempt, result.retryAfterMs) },
    );
    if (dead) {
      this.logger.warn({
        message: 'Notification moved to the dead-letter list',
        notification: row.id,
        channel: row.channel,
        error: result.error,
      });
      await this.summarize(row.alertId);
    }
  }

  /** Sends a sample alert through a channel now (no outbox, no retry) and returns what the provider answered. */
  async testSend(channel: NotificationChannel, recipientId: number | null): Promise<SendResult> {
    const sender = this.senders.get(channel);
    if (!sender)
      return { ok: false, statusCode: null, error: `the ${channel} channel is delivered by the console, not sent`, permanent: true };
    const unavailable = sender.unavailable();
    if (unavailable) return { ok: false, statusCode: null, error: unavailable, permanent: true };
    const user = recipientId === null ? null : await this.users.findById(recipientId);
    const now = new Date().toISOString();
    return sender.send({
      idempotencyKey: `test-${channel}-${Date.now()}`,
      priority: 'normal',
      attempt: 1,
      recipient: user && { id: user.id, username: user.username, email: user.email, phone: user.phone },
      alert: sampleAlert(now),
    });
  }

  /** The alert's delivery_status from its outbox rows: failed once any is dead, all_delivered once all are sent. */
  private async summarize(alertId: number): Promise<void> {
    const rows = await this.outbox.find({ where: { alertId }, select: { status: true } });
    const status = rows.some((r) => r.status === 'dead') ? 'failed' : rows.every((r) => r.status === 'sent') ? 'all_delivered' : 'pending';
    await this.alerts.setDeliveryStatus(alertId, status);
  }

  private async send(row: NotificationEntity, attempt: number): Promise<SendResult> {
    const sender = this.senders.get(row.channel);
    if (!sender) return { ok: false, statusCode: null, error: `the ${row.channel} channel is not available yet`, permanent: true };
    const unavailable = sender.unavailable();
    if (unavailable) return { ok: false, statusCode: null, error: unavailable, permanent: true };
    try {
      const alert = await this.alerts.detail(row.alertId);
      // The priority of the rule version the alert fired under.
      const priority = alert.rule_definition?.definition.priority ?? 'normal';
      const user = row.recipientId === null ? null : await this.users.findById(row.recipientId);
      const recipient = user && { id: user.id, username: user.username, email: user.email, phone: user.phone };
      return await sender.send({ idempotencyKey: row.idempotencyKey, alert, priority, attempt, recipient });
    } catch (error) {
      if (error instanceof AppException && error.status === 404)
        return { ok: false, statusCode: null, error: 'the alert was deleted', permanent: true };
      this.logger.error({ message: 'Notification send failed unexpectedly', notification: row.id, error });
      return { ok: false, statusCode: null, error: 'internal error while sending; see the server log' };
    }
  }
}

/** What a test send carries: an alert that says it is a test. */
function sampleAlert(now: string): AlertDetail {
  return {
    id: 0,
    timestamp: now,
    rule_id: 0,
    rule_version: 1,
    rule_name: 'Test notification',
    instrument_id: 0,
    instrument_symbol: 'TEST',
    trigger_value: 1,
    threshold_value: 1,
    fired_status: 'fired',
    delivery_status: 'pending',
    rule_condition: 'above',
    rule_type: 'threshold',
    evaluation_time_ms: 0,
    alert_message: 'This is a test notification from TradeAssist',
    explanation: null,
    rule_definition: null,
  };
}
