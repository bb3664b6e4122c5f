import type { NotificationChannel } from '@tradeassist/shared-types';
import type { SenderConfig } from '../channel-settings/channel-settings.service';
import { refuseTarget } from '../outbound-target';
import type { ChannelSender, Delivery, SendResult } from './channel-sender';
import { postJson } from './http-post';
import { messageLinks, PRIORITY_STYLE } from './message-style';

/** A Discord channel webhook: one embed per alert, coloured by priority. */
export class DiscordSender implements ChannelSender {
  readonly channel: NotificationChannel = 'discord';

  constructor(private readonly config: SenderConfig) {}

  unavailable(): string | null {
    return this.config.discord_webhook_url ? null : 'the discord channel is not configured (DISCORD_WEBHOOK_URL)';
  }

  async send(d: Delivery): Promise<SendResult> {
    const url = this.config.discord_webhook_url as string;
    const refused = await refuseTarget(url, this.config.allow_private_targets);
    if (refused) return { ok: false, statusCode: null, error: `Discord webhook URL ${refused}`, permanent: true };
    const m = d.message;
    const [headline = '', ...rest] = m.text.split('\n');
    const actions = messageLinks(m)
      .slice(1)
      .map(([label, link]) => `[${label}](${link})`);
    const description = [...rest, ...(actions.length > 0 ? ['', actions.join(' · ')] : [])].join('\n').trim();
    const embed = {
      title: headline.slice(0, 256),
      ...(description && { description: description.slice(0, 4096) }),
      ...(m.link && { url: m.link }),
      color: Number.parseInt(PRIORITY_STYLE[m.priority].color.slice(1), 16),
      fields: m.fields.map(([name, value]) => ({ name, value, inline: true })),
      timestamp: m.timestamp,
    };
    // wait=true: Discord answers with the message once it is posted, not before.
    const { json: _answer, ...result } = await postJson(
      `${url}${url.includes('?') ? '&' : '?'}wait=true`,
      // SUPPRESS_NOTIFICATIONS (1 << 12): posted without pinging anyone, for a silent channel.
      { username: 'TradeAssist', embeds: [embed], ...(d.silent && { flags: 4096 }) },
      {},
      this.config.request_timeout_ms,
      'Discord',
    );
    return result;
  }
}
