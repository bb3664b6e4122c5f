import type { NotificationChannel } from '@tradeassist/shared-types';
import type { SenderConfig } from '../channel-settings/channel-settings.service';
import type { ChannelSender } from './channel-sender';
import { DiscordSender } from './discord-sender';
import { EmailSender } from './email-sender';
import { SlackSender } from './slack-sender';
import { SmsSender } from './sms-sender';
import { TelegramSender } from './telegram-sender';
import { WebhookSender } from './webhook-sender';

/** Every channel that sends through the outbox. in_app is not here: alert_fired reaches the console directly. */
export function createSenders(config: SenderConfig): Map<NotificationChannel, ChannelSender> {
  const senders: ChannelSender[] = [
    new WebhookSender(config),
    new SlackSender(config),
    new DiscordSender(config),
    new TelegramSender(config),
    new EmailSender(config),
    new SmsSender(config),
  ];
  return new Map(senders.map((s) => [s.channel, s]));
}
