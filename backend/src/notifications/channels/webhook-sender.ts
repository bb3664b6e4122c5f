import { createHmac } from 'node:crypto';
import { WEBHOOK_HEADERS, type NotificationChannel } from '@tradeassist/shared-types';
import type { SenderConfig } from '../channel-settings/channel-settings.service';
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

  constructor(private readonly config: SenderConfig) {}

  unavailable(): string | null {
    if (!this.config.webhook_url) return 'the webhook channel is not configured (WEBHOOK_URL)';
    if (!this.config.webhook_secret) return 'the webhook channel has no signing secret (WEBHOOK_SECRET)';
    return null;
  }

  async send(d: Delivery): Promise<SendResult> {
    const url = this.config.webhook_url as string;
    const refused = await refuseTarget(url, this.config.allow_private_targets);
    if (refused) return { ok: false, statusCode: null, error: `webhook URL ${refused}`, permanent: true };
    const m = d.message;
    const body = JSON.stringify({
      id: d.idempotencyKey,
      type: m.event,
      attempt: d.attempt,
      priority: m.priority,
      text: m.text,
      // alert.fired carries the alert; a digest its alerts; a system event the event.
      ...(m.event === 'alert.fired' ? { alert: m.alerts[0] } : m.digest ? { alerts: m.alerts, digest: m.digest } : { system: m.system }),
      links: { console: m.link, ...(m.actions && { acknowledge: m.actions.acknowledge, snooze: m.actions.snooze }) },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      ...this.config.webhook_headers,
      [WEBHOOK_HEADERS.timestamp]: timestamp,
      [WEBHOOK_HEADERS.signature]: `sha256=${webhookSignature(this.config.webhook_secret as string, timestamp, body)}`,
      [WEBHOOK_HEADERS.idempotencyKey]: d.idempotencyKey,
      [WEBHOOK_HEADERS.event]: m.event,
    };
    const { json: _answer, ...result } = await postJson(url, body, headers, this.config.request_timeout_ms, 'receiver');
    return result;
  }
}
