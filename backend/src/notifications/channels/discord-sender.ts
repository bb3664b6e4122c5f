import type { NotificationChannel } from '@tradeassist/shared-types';
import type { AppConfig } from '../../config';
import { refuseTarget } from '../outbound-target';
import { alertSummary, PRIORITY_STYLE } from './alert-blocks';
import type { ChannelSender, Delivery, SendResult } from './channel-sender';
import { postJson } from './http-post';

/** A Discord channel webhook: one embed per alert, coloured by priority. */
export class DiscordSender implements ChannelSender {
  readonly channel: NotificationChannel = 'discord';

  constructor(private readonly config: AppConfig['notifications']) {}

  unavailable(): string | null {
    return this.config.discord_webhook_url ? null : 'the discord channel is not configured (DISCORD_WEBHOOK_URL)';
  }

  async send(d: Delivery): Promise<SendResult> {
    const url = this.config.discord_webhook_url as string;
    const refused = await refuseTarget(url, this.config.allow_private_targets);
    if (refused) return { ok: false, statusCode: null, error: `Discord webhook URL ${refused}`, permanent: true };
    const s = alertSummary(d.alert, d.priority, this.config.console_url);
    const embed = {
      title: `${s.symbol}: ${s.message}`,
      ...(s.link && { url: s.link }),
      color: Number.parseInt(PRIORITY_STYLE[d.priority].color.slice(1), 16),
      fields: s.fields.map(([name, value]) => ({ name, value, inline: true })),
      timestamp: d.alert.timestamp,
    };
    // wait=true: Discord answers with the message once it is posted, not before.
    const { json: _answer, ...result } = await postJson(
      `${url}${url.includes('?') ? '&' : '?'}wait=true`,
      { username: 'TradeAssist', embeds: [embed] },
      {},
      this.config.request_timeout_ms,
      'Discord',
    );
    return result;
  }
}
