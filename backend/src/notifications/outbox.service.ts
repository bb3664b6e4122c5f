import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AlertPriority, NotificationChannel } from '@tradeassist/shared-types';
import { APP_CONFIG, type AppConfig } from '../config';
import { InboxEntity } from './entities/inbox.entity';
import { NotificationEntity } from './entities/notification.entity';
import { InboxService } from './inbox/inbox.service';
import { idempotencyKey, outboxRow, viaOutbox } from './outbox-row';
import { PreferencesService } from './preferences/preferences.service';
import { RunawayGuard } from './runaway-guard';

/** Where one alert goes. */
export interface AlertRoute {
  alertId: number;
  ruleId: number;
  channels: readonly NotificationChannel[];
  recipientId: number | null;
  priority: AlertPriority;
  /** What the notification center shows. */
  title: string;
  body: string;
}

/** A digest window's start: windows are aligned to the clock, so every row of one window gets the same key. */
const windowStart = (now: number, minutes: number): number => now - (now % (minutes * 60_000));

/**
 * Writes the outbox rows and notification-center entries of new alerts, inside the transaction
 * that writes the alerts: all land, or none. Rows that wait for a digest share a digest key and
 * are due when their window closes: the user's digest window, or the runaway window of a rule
 * firing too often (its alerts are grouped, never dropped).
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);
  private readonly runaway: RunawayGuard;
  private readonly runawayRules = new Set<number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inbox: InboxService,
    private readonly preferences: PreferencesService,
  ) {
    this.runaway = new RunawayGuard(config.notifications.runaway_firings, config.notifications.runaway_minutes * 60_000);
  }

  /** Returns the notification-center entries written: announce() them once the transaction has committed. */
  async enqueue(manager: EntityManager, routes: AlertRoute[], now = Date.now()): Promise<InboxEntity[]> {
    const rows = routes.flatMap((r) => {
      const outbound = r.channels.filter((c) => viaOutbox(c, r.priority));
      const runaway = this.noteFiring(r.ruleId, now);
      return outbound.map((channel) => {
        const { silent, digestMinutes } = this.preferences.deliveryOptions(r.recipientId, channel);
        const key = idempotencyKey(r.alertId, channel, r.recipientId);
        const who = r.recipientId ?? 'all';
        if (runaway) {
          const minutes = this.config.notifications.runaway_minutes;
          const start = windowStart(now, minutes);
          return outboxRow({ alertId: r.alertId }, channel, r.recipientId, key, now, {
            silent,
            digestKey: `runaway-${r.ruleId}-${channel}-${who}-${minutes}m-${start}`,
            dueAt: start + minutes * 60_000,
          });
        }
        // Urgent alerts never wait for a digest.
        if (digestMinutes > 0 && r.priority !== 'urgent') {
          const start = windowStart(now, digestMinutes);
          return outboxRow({ alertId: r.alertId }, channel, r.recipientId, key, now, {
            silent,
            digestKey: `digest-${channel}-${who}-${digestMinutes}m-${start}`,
            dueAt: start + digestMinutes * 60_000,
          });
        }
        return outboxRow({ alertId: r.alertId }, channel, r.recipientId, key, now, { silent });
      });
    });
    if (rows.length > 0) await manager.insert(NotificationEntity, rows);
    return this.inbox.write(
      manager,
      routes
        .filter((r) => r.recipientId !== null && r.channels.includes('in_app'))
        .map((r) => ({ userId: r.recipientId as number, alertId: r.alertId, priority: r.priority, title: r.title, body: r.body })),
    );
  }

  /** After commit: tells live notification-center streams about new entries. */
  announce(entries: InboxEntity[]): void {
    this.inbox.announce(entries);
  }

  /** Whether the rule is firing too often; says so in the log once when it starts and once when it calms down. */
  private noteFiring(ruleId: number, now: number): boolean {
    const runaway = this.runaway.note(ruleId, now);
    if (runaway !== this.runawayRules.has(ruleId)) {
      if (runaway) this.runawayRules.add(ruleId);
      else this.runawayRules.delete(ruleId);
      const { runaway_firings: n, runaway_minutes: m } = this.config.notifications;
      this.logger.warn({
        message: runaway
          ? `Rule fires more than ${n} times in ${m} min: its notifications are grouped into one digest every ${m} min`
          : 'Rule calmed down: its notifications are sent one by one again',
        rule: ruleId,
      });
    }
    return runaway;
  }
}
