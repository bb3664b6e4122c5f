import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AlertDetail, AlertPriority, NotificationChannel } from '@tradeassist/shared-types';
import { AlertsService } from '../../alerts';
import { APP_CONFIG, type AppConfig } from '../../config';
import { ChannelSettingsService } from '../channel-settings/channel-settings.service';
import { isOutboxChannel } from '../channel-settings/channel-fields';
import { NotificationEntity } from '../entities/notification.entity';
import { SystemEventsService } from '../system/system-events.service';
import { DEFAULT_TEMPLATES, renderTemplate, templateContext, TemplateError } from './channel-template';
import {
  alertMessage,
  consoleLink,
  digestMessage,
  systemMessage,
  type ActionLinks,
  type NotificationMessage,
} from './notification-message';

/** The window a digest key was made for: `…-15m-<start>`. */
const DIGEST_WINDOW = /-(\d+)m-\d+$/;

/** Turns outbox rows' subjects (alerts, a digest, a system event) into messages, and keeps alerts' delivery_status in step. */
@Injectable()
export class MessageComposer {
  private readonly logger = new Logger(MessageComposer.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly alertsService: AlertsService,
    private readonly settings: ChannelSettingsService,
    private readonly systemEvents: SystemEventsService,
    @InjectRepository(NotificationEntity) private readonly outbox: Repository<NotificationEntity>,
  ) {}

  /** The alerts that still exist, each with the priority of the rule version it fired under. */
  async alerts(ids: number[]): Promise<{ alert: AlertDetail; priority: AlertPriority }[]> {
    return (await this.alertsService.details(ids)).map((alert) => ({
      alert,
      priority: alert.rule_definition?.definition.priority ?? 'normal',
    }));
  }

  /** One alert in the channel's own template (or `template`, to preview one before it is saved). */
  alert(
    alert: AlertDetail,
    priority: AlertPriority,
    channel: NotificationChannel,
    actions: ActionLinks | null,
    template?: string,
  ): NotificationMessage {
    const consoleUrl = this.config.notifications.console_url;
    const link = consoleLink(consoleUrl, `/alerts/${alert.id}`);
    const context = templateContext(alert, priority, link, actions);
    const source = template ?? (isOutboxChannel(channel) ? this.settings.template(channel) : '{{message}}');
    let text: string;
    try {
      text = renderTemplate(source, context);
    } catch (error) {
      // Templates are checked on save; one that still fails (a variable removed since) falls back to the built-in text.
      if (!(error instanceof TemplateError)) throw error;
      this.logger.warn({ message: 'Channel template failed; sent the built-in text', channel, error: error.message });
      text = renderTemplate(DEFAULT_TEMPLATES[channel] ?? '{{message}}', context);
    }
    return alertMessage(alert, priority, text, consoleUrl, actions);
  }

  digest(alerts: AlertDetail[], priority: AlertPriority, digestKey: string): NotificationMessage {
    const minutes = Number(DIGEST_WINDOW.exec(digestKey)?.[1] ?? 0);
    return digestMessage(
      alerts,
      priority,
      { count: alerts.length, window_minutes: minutes, reason: digestKey.startsWith('runaway-') ? 'runaway' : 'preference' },
      this.config.notifications.console_url,
    );
  }

  async system(id: number): Promise<NotificationMessage | null> {
    const event = (await this.systemEvents.find([id])).get(id);
    return event ? systemMessage(event, this.config.notifications.console_url) : null;
  }

  /** The alert's delivery_status from its outbox rows: failed once any is dead, all_delivered once all are sent. */
  async summarize(alertId: number): Promise<void> {
    const rows = (await this.outbox.find({ where: { alertId }, select: { status: true } })).filter((r) => r.status !== 'replayed');
    const status = rows.some((r) => r.status === 'dead') ? 'failed' : rows.every((r) => r.status === 'sent') ? 'all_delivered' : 'pending';
    await this.alertsService.setDeliveryStatus(alertId, status);
  }
}
