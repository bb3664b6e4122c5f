import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type {
  ChannelMetrics,
  NotificationChannel,
  NotificationMetrics,
  NotificationRecord,
  NotificationStatus,
} from '@tradeassist/shared-types';
import { AppException, NotFoundError, toIso } from '../common';
import { NotificationAttemptEntity } from './entities/notification-attempt.entity';
import { NotificationEntity } from './entities/notification.entity';
import { idempotencyKey, outboxRow } from './outbox-row';

/** Reading the outbox (deliveries of an alert, the dead-letter list) and replaying what died. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly outbox: Repository<NotificationEntity>,
    @InjectRepository(NotificationAttemptEntity) private readonly attempts: Repository<NotificationAttemptEntity>,
  ) {}

  async forAlert(alertId: number): Promise<NotificationRecord[]> {
    return this.withHistory(await this.outbox.find({ where: { alertId }, order: { id: 'ASC' } }));
  }

  async deadLetters(): Promise<NotificationRecord[]> {
    return this.withHistory(await this.outbox.find({ where: { status: 'dead' }, order: { id: 'DESC' }, take: 1000 }));
  }

  /** Sends a dead notification again, to its channel (same idempotency key) or to another one (a new outbox row). */
  async replay(id: number, channel: NotificationChannel | undefined): Promise<NotificationRecord> {
    const row = await this.outbox.findOneBy({ id });
    if (!row) throw new NotFoundError('NOTIFICATION_NOT_FOUND', `Notification ${id} not found`);
    if (row.status !== 'dead')
      throw new AppException(409, 'NOT_DEAD', `Notification ${id} is ${row.status}; only dead-letter notifications can be replayed`);
    const now = Date.now();
    if (channel === undefined || channel === row.channel) {
      // A digest goes again as one message: every dead row of it.
      await this.outbox.update(row.digestKey ? { digestKey: row.digestKey, status: 'dead' } : { id }, {
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
      });
      return (
        await this.withHistory([{ ...row, status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null }])
      )[0] as NotificationRecord;
    }
    const subject = row.alertId !== null ? { alertId: row.alertId } : { systemEventId: row.systemEventId as number };
    const key =
      row.alertId !== null
        ? `${idempotencyKey(row.alertId, channel, row.recipientId)}-replay-${row.id}`
        : `system-${row.systemEventId}-${channel}-${row.recipientId ?? 'all'}-replay-${row.id}`;
    // The original is settled as replayed: the new notification carries on, and the dead-letter list no longer shows it.
    const saved = await this.outbox.manager.transaction(async (m) => {
      await m.update(NotificationEntity, { id: row.id, status: 'dead' }, { status: 'replayed' });
      const existing = await m.findOneBy(NotificationEntity, { idempotencyKey: key });
      return (
        existing ??
        (await m.save(m.create(NotificationEntity, outboxRow(subject, channel, row.recipientId, key, now, { silent: row.silent }))))
      );
    });
    return (await this.withHistory([saved]))[0] as NotificationRecord;
  }

  /** Per channel: outbox rows by status, and over the last 24 hours the attempts, failures, success rate and latency percentiles. */
  async metrics(now = Date.now()): Promise<NotificationMetrics> {
    const since = now - 86_400_000;
    const statuses = await this.outbox
      .createQueryBuilder('n')
      .select('n.channel', 'channel')
      .addSelect('n.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('n.channel')
      .addGroupBy('n.status')
      .getRawMany<{ channel: string; status: NotificationStatus; count: string | number }>();
    const attempts = await this.attempts
      .createQueryBuilder('a')
      .innerJoin(NotificationEntity, 'n', 'n.id = a.notification_id')
      .select('n.channel', 'channel')
      .addSelect('a.ok', 'ok')
      .addSelect('a.latency_ms', 'latency')
      .where('a.at >= :since', { since })
      .getRawMany<{ channel: string; ok: boolean | number; latency: number | string }>();
    const channels: Record<string, ChannelMetrics> = {};
    const of = (channel: string): ChannelMetrics =>
      (channels[channel] ??= {
        pending: 0,
        sent: 0,
        dead: 0,
        attempts: 0,
        failed_attempts: 0,
        success_rate: 1,
        latency_ms: { p50: 0, p95: 0, p99: 0 },
      });
    for (const row of statuses) {
      const m = of(row.channel);
      if (row.status === 'pending' || row.status === 'sending') m.pending += Number(row.count);
      else if (row.status !== 'replayed') m[row.status] += Number(row.count);
    }
    const latencies = new Map<string, number[]>();
    for (const a of attempts) {
      const m = of(a.channel);
      m.attempts++;
      if (!a.ok) m.failed_attempts++;
      let list = latencies.get(a.channel);
      if (!list) latencies.set(a.channel, (list = []));
      list.push(Number(a.latency));
    }
    for (const [channel, list] of latencies) {
      const m = of(channel);
      list.sort((x, y) => x - y);
      const pick = (p: number): number => Math.round((list[Math.min(list.length - 1, Math.ceil(p * list.length) - 1)] ?? 0) * 1000) / 1000;
      m.latency_ms = { p50: pick(0.5), p95: pick(0.95), p99: pick(0.99) };
      m.success_rate = Math.round(((m.attempts - m.failed_attempts) / m.attempts) * 10_000) / 10_000;
    }
    return { since: toIso(since) ?? '', channels };
  }

  private async withHistory(rows: NotificationEntity[]): Promise<NotificationRecord[]> {
    const history =
      rows.length === 0 ? [] : await this.attempts.find({ where: { notificationId: In(rows.map((r) => r.id)) }, order: { id: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      alert_id: r.alertId,
      system_event_id: r.systemEventId,
      channel: r.channel,
      recipient_id: r.recipientId,
      idempotency_key: r.idempotencyKey,
      status: r.status,
      attempts: r.attempts,
      next_attempt_at: toIso(r.nextAttemptAt) ?? '',
      last_error: r.lastError,
      created_at: toIso(r.createdAt) ?? '',
      sent_at: toIso(r.sentAt),
      silent: r.silent,
      digest_key: r.digestKey,
      history: history
        .filter((a) => a.notificationId === r.id)
        .map((a) => ({ at: toIso(a.at) ?? '', ok: a.ok, status_code: a.statusCode, latency_ms: a.latencyMs, error: a.error })),
    }));
  }
}
