import type { ChannelField, NotificationChannel } from '@tradeassist/shared-types';
import { ENV_BINDINGS, type AppConfig } from '../../config';

type NotifyConfig = AppConfig['notifications'];
export type ConfigKey = keyof NotifyConfig;

/** The channels that send through the outbox (in_app and sound are the console's own). */
export const OUTBOX_CHANNELS = [
  'slack',
  'email',
  'webhook',
  'discord',
  'telegram',
  'sms',
] as const satisfies readonly NotificationChannel[];
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/** Each channel's settings, by their key in the notifications config; secrets and URLs that embed one stay in the environment. */
const FIELDS: Record<OutboxChannel, { key: ConfigKey; label: string; editable: boolean }[]> = {
  slack: [
    { key: 'slack_bot_token', label: 'Bot token', editable: false },
    { key: 'slack_channel', label: 'Channel', editable: true },
    { key: 'slack_webhook_url', label: 'Incoming Webhook URL', editable: false },
  ],
  email: [
    { key: 'smtp_url', label: 'SMTP server', editable: false },
    { key: 'smtp_fallback_url', label: 'Fallback SMTP server', editable: false },
    { key: 'mail_from', label: 'From address', editable: true },
  ],
  webhook: [
    { key: 'webhook_url', label: 'URL', editable: false },
    { key: 'webhook_secret', label: 'Signing secret', editable: false },
  ],
  discord: [{ key: 'discord_webhook_url', label: 'Webhook URL', editable: false }],
  telegram: [
    { key: 'telegram_bot_token', label: 'Bot token', editable: false },
    { key: 'telegram_chat_id', label: 'Chat', editable: true },
  ],
  sms: [
    { key: 'twilio_account_sid', label: 'Account SID', editable: false },
    { key: 'twilio_auth_token', label: 'Auth token', editable: false },
    { key: 'twilio_from', label: 'From number', editable: true },
  ],
};

export function isOutboxChannel(channel: string): channel is OutboxChannel {
  return (OUTBOX_CHANNELS as readonly string[]).includes(channel);
}

export function editableKeys(channel: OutboxChannel): ConfigKey[] {
  return FIELDS[channel].filter((f) => f.editable).map((f) => f.key);
}

/** The channel's fields as an administrator sees them: a secret only says whether it is set. */
export function channelFields(channel: OutboxChannel, config: NotifyConfig): ChannelField[] {
  return FIELDS[channel].map(({ key, label, editable }) => {
    const binding = ENV_BINDINGS.find((b) => b.path[0] === 'notifications' && b.path[1] === key);
    const secret = binding?.secret === true;
    const value = config[key];
    const text = typeof value === 'string' && value !== '' ? value : null;
    return {
      key,
      label,
      description: binding?.description ?? '',
      env: binding?.env ?? '',
      secret,
      editable,
      value: secret ? null : text,
      set: text !== null,
    };
  });
}
