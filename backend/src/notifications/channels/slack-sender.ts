import { Logger as NestLogger } from '@nestjs/common';
import { ErrorCode, LogLevel, WebClient, type Logger, type WebAPICallError } from '@slack/web-api';
import type { NotificationChannel } from '@tradeassist/shared-types';
import type { SenderConfig } from '../channel-settings/channel-settings.service';
import { slackBlocks } from './slack-blocks';
import { postToIncomingWebhook } from './slack-webhook';
import type { ChannelSender, Delivery, SendResult } from './channel-sender';

/**
 * chat.postMessage with Block Kit through the official client, or, with only an Incoming Webhook
 * configured, the same message through it. The clients' own retries are off: the outbox retries,
 * with its backoff and Retry-After, and records every attempt.
 */
export class SlackSender implements ChannelSender {
  readonly channel: NotificationChannel = 'slack';
  private readonly client: WebClient | null;

  constructor(private readonly config: SenderConfig) {
    this.client = config.slack_bot_token
      ? new WebClient(config.slack_bot_token, {
          slackApiUrl: config.slack_api_url,
          timeout: config.request_timeout_ms,
          retryConfig: { retries: 0 },
          rejectRateLimitedCalls: true,
          // Into the app's JSON log (with its redaction), not the console.
          logger: slackLogger(),
        })
      : null;
  }

  unavailable(): string | null {
    if (!this.client)
      return this.config.slack_webhook_url ? null : 'the slack channel is not configured (SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL)';
    if (!this.config.slack_channel) return 'the slack channel has no channel to post to (SLACK_CHANNEL)';
    return null;
  }

  async send(d: Delivery): Promise<SendResult> {
    const message = slackBlocks(d.message);
    if (!this.client)
      return postToIncomingWebhook(
        this.config.slack_webhook_url as string,
        { ...message, unfurl_links: false },
        this.config.request_timeout_ms,
        this.config.allow_private_targets,
      );
    try {
      const res = await this.client.chat.postMessage({
        channel: this.config.slack_channel as string,
        ...message,
        unfurl_links: false,
      });
      return { ok: true, statusCode: 200, error: null, providerId: res.ts ?? null };
    } catch (error) {
      return slackFailure(error as WebAPICallError);
    }
  }
}

function slackFailure(e: WebAPICallError): SendResult {
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return { ok: false, statusCode: 429, error: `Slack rate limit; retry after ${e.retryAfter} s`, retryAfterMs: e.retryAfter * 1000 };
    case ErrorCode.HTTPError:
      return {
        ok: false,
        statusCode: e.statusCode,
        error: `Slack answered ${e.statusCode}`,
        permanent: e.statusCode < 500 && e.statusCode !== 408,
      };
    case ErrorCode.PlatformError:
      // e.g. channel_not_found, not_in_channel, invalid_auth: retrying cannot fix them.
      return { ok: false, statusCode: 200, error: `Slack refused the message: ${e.data.error}`, permanent: true };
    default:
      return { ok: false, statusCode: null, error: 'could not reach Slack' };
  }
}

/** The client's log, through the app's logger: its failures are recorded per attempt already, so at debug level. */
function slackLogger(): Logger {
  const log = new NestLogger('Slack');
  let level = LogLevel.INFO;
  const line = (...msg: unknown[]): void => log.debug(msg.map(String).join(' '));
  return {
    debug: line,
    info: line,
    warn: line,
    error: (...msg: unknown[]) => log.warn(msg.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
