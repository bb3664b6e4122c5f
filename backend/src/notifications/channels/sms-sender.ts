import type { NotificationChannel } from '@tradeassist/shared-types';
import type { SenderConfig } from '../channel-settings/channel-settings.service';
import type { ChannelSender, Delivery, SendResult } from './channel-sender';
import { postJson } from './http-post';

const SMS_LENGTH = 160;

/** The alert in one SMS: its message, cut to 160 characters with an ellipsis when longer. */
export function smsText(message: string): string {
  return message.length <= SMS_LENGTH ? message : `${message.slice(0, SMS_LENGTH - 1)}…`;
}

/** Twilio's Messages resource (REST, form-encoded, basic auth) to the recipient's own number. Only urgent alerts are routed here. */
export class SmsSender implements ChannelSender {
  readonly channel: NotificationChannel = 'sms';

  constructor(private readonly config: SenderConfig) {}

  unavailable(): string | null {
    const { twilio_account_sid: sid, twilio_auth_token: token, twilio_from: from } = this.config;
    return sid && token && from ? null : 'the sms channel is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM)';
  }

  async send(d: Delivery): Promise<SendResult> {
    const to = d.recipient?.phone;
    if (!to)
      return {
        ok: false,
        statusCode: null,
        error: `${d.recipient ? `user ${d.recipient.username}` : 'the rule'} has no phone number`,
        permanent: true,
      };
    const sid = this.config.twilio_account_sid as string;
    const form = new URLSearchParams({
      To: to,
      From: this.config.twilio_from as string,
      Body: smsText(d.message.text),
    });
    const auth = Buffer.from(`${sid}:${this.config.twilio_auth_token as string}`).toString('base64');
    const { json, ...result } = await postJson(
      `${this.config.twilio_api_url}/2010-04-01/Accounts/${sid}/Messages.json`,
      form.toString(),
      { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${auth}` },
      this.config.request_timeout_ms,
      'Twilio',
    );
    const refusal = json as { code?: number; message?: string } | null;
    return result.ok || !refusal?.message
      ? result
      : { ...result, error: `Twilio refused the message: ${refusal.message} (${refusal.code ?? '?'})` };
  }
}
