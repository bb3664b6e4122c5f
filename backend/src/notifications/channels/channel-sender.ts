import type { NotificationChannel } from '@tradeassist/shared-types';
import type { NotificationMessage } from '../message/notification-message';

/** What one delivery attempt came to. `retryAfterMs` when the provider asked to wait; `permanent` when retrying cannot help. */
export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  retryAfterMs?: number;
  permanent?: boolean;
  /** The provider's id for what it accepted (e.g. Slack's message ts). */
  providerId?: string | null;
}

export interface Delivery {
  idempotencyKey: string;
  attempt: number;
  /** The user it is for (null: the rule has no owner). */
  recipient: { id: number; username: string; email: string | null; phone: string | null } | null;
  /** The recipient set the channel to silent: no push or ping where the channel can say so. */
  silent: boolean;
  message: NotificationMessage;
}

/** A notification channel: adding one is one file implementing this, registered in channel-registry.ts. */
export interface ChannelSender {
  readonly channel: NotificationChannel;
  /** Why it cannot send at all (not configured), or null. */
  unavailable(): string | null;
  send(delivery: Delivery): Promise<SendResult>;
}
