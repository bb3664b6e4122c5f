import { createHmac } from 'node:crypto';
import { WEBHOOK_HEADERS, type NotificationChannel } from '@tradeassist/shared-types';
import type { AppConfig } from '../../config';
import { refuseTarget } from '../outbound-target';
import type { ChannelSender, Delivery, SendResult } from './channel-sender';
import { postJson } from './http-post';

/** Signs `${timestamp}.${body}`: a receiver recomputes it with the shared secret and rejects stale timestamps. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** JSON POST of the alert, signed with HMAC-SHA256, with an idempotency key; one request per attempt, with a timeout. */
export class WebhookSender implements ChannelSender {
  readonly channel: NotificationChannel = 'webhook';

  constructor(private readonly config: AppConfig['notifications']) {}

  unavailable(): string | null {
    if (!this.config.webhook_url) return 'the webhook channel is not configured (WEBHOOK_URL)';
    if (!this.config.webhook_secret) return 'the webhook channel has no signing secret (WEBHOOK_SECRET)';
    return null;
  }

  async send(d: Delivery): Promise<SendResult> {
    const url = this.config.webhook_url as string;
    const refused = await refuseTarget(url, this.config.allow_private_targets);
    if (refused) return { ok: false, statusCode: null, error: `webhook URL ${refused}`, permanent: true };
    const body = JSON.stringify({ id: d.idempotencyKey, type: 'alert.fired', attempt: d.attempt, alert: d.alert });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      [WEBHOOK_HEADERS.timestamp]: timestamp,
      [WEBHOOK_HEADERS.signature]: `sha256=${webhookSignature(this.config.webhook_secret as string, timestamp, body)}`,
      [WEBHOOK_HEADERS.idempotencyKey]: d.idempotencyKey,
      [WEBHOOK_HEADERS.event]: 'alert.fired',
    };
    const { json: _answer, ...result } = await postJson(url, body, headers, this.config.request_timeout_ms, 'receiver');
    return result;
  }
}
