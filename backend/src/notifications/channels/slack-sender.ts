import { Logger as NestLogger } from '@nestjs/common';
import { ErrorCode, LogLevel, WebClient, type Logger, type WebAPICallError } from '@slack/web-api';
import type { NotificationChannel } from '@tradeassist/shared-types';
import type { AppConfig } from '../../config';
import { alertBlocks } from './alert-blocks';
import type { ChannelSender, Delivery, SendResult } from './channel-sender';

/**
 * chat.postMessage with Block Kit through the official client. The client's own retries are off:
 * the outbox retries, with its backoff and Retry-After, and records every attempt.
 */
export class SlackSender implements ChannelSender {
  readonly channel: NotificationChannel = 'slack';
  private readonly client: WebClient | null;

  constructor(private readonly config: AppConfig['notifications']) {
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
    if (!this.client) return 'the slack channel is not configured (SLACK_BOT_TOKEN)';
    if (!this.config.slack_channel) return 'the slack channel has no channel to post to (SLACK_CHANNEL)';
    return null;
  }

  async send(d: Delivery): Promise<SendResult> {
    const message = alertBlocks(d.alert, d.priority, this.config.console_url);
    try {
      const res = await (this.client as WebClient).chat.postMessage({
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
