import type { AlertPriority, NotificationChannel } from './rule-options';

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
/** pending: due (again) at next_attempt_at; sending: claimed by the dispatcher; sent; dead: out of attempts (replayable). */
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface DeliveryAttempt {
  at: string;
  ok: boolean;
  /** The provider's HTTP status, if it answered. */
  status_code: number | null;
  latency_ms: number;
  error: string | null;
}

/** One alert to one channel (and recipient): the outbox row and its attempts. */
export interface NotificationRecord {
  id: number;
  alert_id: number;
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
  alert_id: number;
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

export const CHANNEL_MODES = ['on', 'off'] as const;
export type ChannelMode = (typeof CHANNEL_MODES)[number];

export interface ChannelPreference {
  mode: ChannelMode;
  /** Alerts below this priority do not go to the channel. */
  min_priority: AlertPriority;
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
