import type { NotificationChannel } from '@tradeassist/shared-types';
import type { SenderConfig } from '../channel-settings/channel-settings.service';
import type { ChannelSender, Delivery, SendResult } from './channel-sender';
import { postJson } from './http-post';
import { escapeHtml, messageLinks, PRIORITY_STYLE } from './message-style';

/** Telegram Bot API sendMessage, as HTML; a refusal ({ok: false} with a 4xx) is final, 429 waits for retry_after. */
export class TelegramSender implements ChannelSender {
  readonly channel: NotificationChannel = 'telegram';

  constructor(private readonly config: SenderConfig) {}

  unavailable(): string | null {
    if (!this.config.telegram_bot_token) return 'the telegram channel is not configured (TELEGRAM_BOT_TOKEN)';
    return this.config.telegram_chat_id ? null : 'the telegram channel has no chat to send to (TELEGRAM_CHAT_ID)';
  }

  async send(d: Delivery): Promise<SendResult> {
    const m = d.message;
    const lines = [
      `${PRIORITY_STYLE[m.priority].emoji} ${escapeHtml(m.text)}`,
      ...m.fields.map(([k, v]) => `${k}: ${escapeHtml(v)}`),
      ...messageLinks(m).map(([label, url]) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`),
    ];
    const url = `${this.config.telegram_api_url}/bot${this.config.telegram_bot_token as string}/sendMessage`;
    const body = {
      chat_id: this.config.telegram_chat_id,
      text: lines.join('\n'),
      parse_mode: 'HTML',
      disable_web_page_preview: true,
      // Silent: delivered without a sound on the recipient's devices.
      ...(d.silent && { disable_notification: true }),
    };
    const { json, ...result } = await postJson(url, body, {}, this.config.request_timeout_ms, 'Telegram');
    const description = (json as { description?: string } | null)?.description;
    // The URL holds the bot token: errors name Telegram's own description, never the URL.
    return result.ok || !description ? result : { ...result, error: `Telegram refused the message: ${description}` };
  }
}
