import { IncomingWebhook, type IncomingWebhookSendArguments } from '@slack/webhook';
import { refuseTarget } from '../outbound-target';
import type { SendResult } from './channel-sender';

interface WebhookFailure {
  code?: string;
  original?: { response?: { status: number; headers?: Record<string, unknown>; data?: unknown } };
}

/**
 * Posts through a Slack Incoming Webhook with the official client, its retries off (the outbox
 * retries, honouring Retry-After). The URL is a credential: errors never quote it.
 */
export async function postToIncomingWebhook(
  url: string,
  message: IncomingWebhookSendArguments,
  timeoutMs: number,
  allowPrivate: boolean,
): Promise<SendResult> {
  const refused = await refuseTarget(url, allowPrivate);
  if (refused) return { ok: false, statusCode: null, error: `Slack webhook URL ${refused}`, permanent: true };
  try {
    await new IncomingWebhook(url, { timeout: timeoutMs, retryConfig: { retries: 0 } }).send(message);
    return { ok: true, statusCode: 200, error: null };
  } catch (error) {
    const response = (error as WebhookFailure).original?.response;
    if (!response) return { ok: false, statusCode: null, error: 'could not reach Slack' };
    const status = response.status;
    const retryAfter = Number(response.headers?.['retry-after']);
    // Slack answers refusals with a short reason in the body (no_text, invalid_token, channel_is_archived).
    const reason = typeof response.data === 'string' && response.data.length < 100 ? `: ${response.data}` : '';
    return {
      ok: false,
      statusCode: status,
      error: `Slack webhook answered ${status}${reason}`,
      permanent: status < 500 && status !== 408 && status !== 429,
      ...(status === 429 && Number.isFinite(retryAfter) && retryAfter > 0 && { retryAfterMs: retryAfter * 1000 }),
    };
  }
}
