import type { AlertPriority, NotificationChannel } from './rule-options';

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'dead', 'replayed'] as const;
/**
 * pending: due (again) at next_attempt_at; sending: claimed by the dispatcher; sent; dead: out of
 * attempts (replayable); replayed: dead, then replayed to another channel (the new notification carries on).
 */
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface DeliveryAttempt {
  at: string;
  ok: boolean;
  /** The provider's HTTP status, if it answered. */
  status_code: number | null;
  latency_ms: number;
  error: string | null;
}

/** One alert (or system event) to one channel (and recipient): the outbox row and its attempts. */
export interface NotificationRecord {
  id: number;
  /** Null for a system alert. */
  alert_id: number | null;
  system_event_id: number | null;
  channel: NotificationChannel;
  recipient_id: number | null;
  /** Sent with every attempt; a receiver that keeps it never handles the alert twice. */
  idempotency_key: string;
  status: NotificationStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** Delivered without the channel's alerting (the recipient set the channel to silent). */
  silent: boolean;
  /** Set when it goes out grouped with others in one digest message (the user's digest window, or a runaway rule). */
  digest_key: string | null;
  history: DeliveryAttempt[];
}

export interface ReplayRequest {
  /** Another channel to send it to instead (default: the same). */
  channel?: NotificationChannel;
}

/** Headers of a signed webhook: signature = hex HMAC-SHA256(secret, `${timestamp}.${body}`). */
export const WEBHOOK_HEADERS = {
  signature: 'x-tradeassist-signature',
  timestamp: 'x-tradeassist-timestamp',
  idempotencyKey: 'idempotency-key',
  event: 'x-tradeassist-event',
} as const;

/** How old a webhook timestamp a receiver should accept (seconds), against replays. */
export const WEBHOOK_REPLAY_WINDOW_SECONDS = 300;

export interface ChannelMetrics {
  /** Outbox rows by status right now. */
  pending: number;
  sent: number;
  dead: number;
  /** Attempts in the window, and how many failed. */
  attempts: number;
  failed_attempts: number;
  /** Successful attempts / attempts in the window (1 when there were none). */
  success_rate: number;
  /** Latency of attempts in the window, ms (0 when there were none). */
  latency_ms: { p50: number; p95: number; p99: number };
}

export interface NotificationMetrics {
  /** Attempts counted since this time (the last 24 hours). */
  since: string;
  channels: Record<string, ChannelMetrics>;
}

/** An entry of a user's notification center (one per alert that reached them in the app). */
export interface InboxItem {
  id: number;
  /** Null for a system alert (then system_event_id is set). */
  alert_id: number | null;
  system_event_id: number | null;
  priority: AlertPriority;
  title: string;
  body: string;
  created_at: string;
  read: boolean;
  acknowledged_at: string | null;
  /** Hidden from the unread count until then. */
  snoozed_until: string | null;
  archived: boolean;
}

export interface InboxPage {
  items: InboxItem[];
  /** Unread, not archived, not snoozed: what the bell shows. */
  unread: number;
}

export const INBOX_ACTIONS = ['read', 'unread', 'acknowledge', 'snooze', 'archive', 'unarchive'] as const;
export type InboxAction = (typeof INBOX_ACTIONS)[number];

/** on: delivered with the channel's alerting (toast, push); silent: delivered quietly (no toast or sound, no push); off: not at all. */
export const CHANNEL_MODES = ['on', 'silent', 'off'] as const;
export type ChannelMode = (typeof CHANNEL_MODES)[number];

/** Digest windows a user may choose, minutes. */
export const DIGEST_WINDOWS_MINUTES = [0, 5, 15, 30, 60] as const;

export interface ChannelPreference {
  mode: ChannelMode;
  /** Alerts below this priority do not go to the channel. */
  min_priority: AlertPriority;
  /** Group this channel's alerts into one message per window of this many minutes (0 or absent: each alert on its own; urgent ones never wait). */
  digest_minutes?: number;
}

/** A user's notification settings. */
export interface NotificationPreferences {
  /** Channels for rules that name none. */
  default_channels: NotificationChannel[];
  /** Per channel; a channel not listed is on for every priority. */
  channels: Partial<Record<NotificationChannel, ChannelPreference>>;
  /** No notifications but the notification center in this daily window (urgent ones break through; it may cross midnight); null: none. */
  quiet_hours: { start: string; end: string; timezone: string } | null;
}

export const DEFAULT_PREFERENCES: Readonly<NotificationPreferences> = {
  default_channels: ['in_app', 'sound'],
  channels: {},
  quiet_hours: null,
};

/** One setting of a channel as an administrator sees it. Secret values never leave the server: only whether they are set. */
export interface ChannelField {
  key: string;
  /** A few words (e.g. "Bot token"). */
  label: string;
  /** What it is for, in a sentence. */
  description: string;
  /** Where it comes from: the environment variable (secrets stay there until the secrets module holds them). */
  env: string;
  secret: boolean;
  /** Can be changed through PUT /api/notifications/channels/{channel} (non-secret settings only). */
  editable: boolean;
  /** Current value; always null for a secret. */
  value: string | null;
  set: boolean;
}

/** The outbox channels (not in_app/sound), as GET /api/notifications/channels lists them. */
export interface ChannelSettings {
  channel: NotificationChannel;
  /** Switched on by an administrator (a disabled channel's notifications go to the dead-letter list, replayable). */
  enabled: boolean;
  /** Why it cannot send even when enabled (a credential is missing), or null. */
  unavailable: string | null;
  fields: ChannelField[];
  /** Custom HTTP headers sent with every request (webhook only; null elsewhere). */
  headers: Record<string, string> | null;
  /** The message text template (Handlebars, strict: an unknown variable is refused on save); null: the built-in text. */
  template: string | null;
  /** The built-in template, for reference and as a starting point. */
  default_template: string;
  /** Variables a template may use. */
  variables: string[];
}

/** PUT /api/notifications/channels/{channel}: every field optional; only what is given changes. */
export interface ChannelSettingsUpdate {
  enabled?: boolean;
  /** Non-secret settings by key (see ChannelField.editable); an empty string clears back to the environment's value. */
  values?: Record<string, string>;
  headers?: Record<string, string> | null;
  template?: string | null;
}

/** POST /api/notifications/test's answer: what the provider said to a sample alert. */
export interface ChannelTestResult {
  channel: NotificationChannel;
  ok: boolean;
  /** The provider's status, if it answered. */
  status_code: number | null;
  error: string | null;
}

/** POST /api/notifications/channels/{channel}/preview: the template rendered for a sample alert. */
export interface TemplatePreviewRequest {
  template: string;
}
export interface TemplatePreview {
  text: string;
}

/** Events administrators hear about through the same pipeline as price alerts. */
export const SYSTEM_EVENT_TYPES = ['feed_down', 'feed_restored', 'channel_failing', 'storage_low'] as const;
export type SystemEventType = (typeof SYSTEM_EVENT_TYPES)[number];

export interface SystemEvent {
  id: number;
  type: SystemEventType;
  priority: AlertPriority;
  title: string;
  body: string;
  details: Record<string, unknown>;
  created_at: string;
}

/** What a signed action link in an e-mail, Slack message or webhook payload does. */
export const ALERT_LINK_ACTIONS = ['acknowledge', 'snooze'] as const;
export type AlertLinkAction = (typeof ALERT_LINK_ACTIONS)[number];
