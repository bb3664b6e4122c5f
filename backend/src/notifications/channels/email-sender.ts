import { createTransport, type Transporter } from 'nodemailer';
import type { NotificationChannel } from '@tradeassist/shared-types';
import type { SenderConfig } from '../channel-settings/channel-settings.service';
import type { ChannelSender, Delivery, SendResult } from './channel-sender';
import { consoleLink } from '../message/notification-message';
import { emailParts } from './email-template';

interface SmtpError {
  responseCode?: number;
  code?: string;
}

/**
 * E-mail through SMTP (nodemailer): HTML and text, to the recipient's own address, with an
 * unsubscribe link. A secondary server takes over only when the primary fails, so a message is
 * never sent twice; the Message-ID comes from the idempotency key, the same on every attempt.
 */
export class EmailSender implements ChannelSender {
  readonly channel: NotificationChannel = 'email';
  private readonly servers: { name: string; transport: Transporter }[];

  constructor(private readonly config: SenderConfig) {
    const timeouts = {
      connectionTimeout: config.request_timeout_ms,
      greetingTimeout: config.request_timeout_ms,
      socketTimeout: config.request_timeout_ms,
    };
    this.servers = [
      ...(config.smtp_url ? [{ name: 'primary', transport: createTransport(config.smtp_url, timeouts) }] : []),
      ...(config.smtp_fallback_url ? [{ name: 'secondary', transport: createTransport(config.smtp_fallback_url, timeouts) }] : []),
    ];
  }

  unavailable(): string | null {
    return this.servers.length > 0 ? null : 'the email channel is not configured (SMTP_URL)';
  }

  async send(d: Delivery): Promise<SendResult> {
    const to = d.recipient?.email;
    if (!to)
      return {
        ok: false,
        statusCode: null,
        error: `${d.recipient ? `user ${d.recipient.username}` : 'the rule'} has no e-mail address`,
        permanent: true,
      };
    const unsubscribe = consoleLink(this.config.console_url, '/settings/notifications');
    const mail = emailParts(d.message, unsubscribe);
    const message = {
      from: this.config.mail_from,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${d.idempotencyKey}@tradeassist>`,
      ...(unsubscribe && { list: { unsubscribe: { url: unsubscribe, comment: 'Change your notification settings' } } }),
    };
    const failures: string[] = [];
    let last: SmtpError = {};
    for (const server of this.servers) {
      try {
        await server.transport.sendMail(message);
        return {
          ok: true,
          statusCode: 250,
          error: failures.length > 0 ? `sent by the ${server.name} server after: ${failures.join('; ')}` : null,
        };
      } catch (error) {
        last = error as SmtpError;
        failures.push(`${server.name} ${last.responseCode ? `answered ${last.responseCode}` : `failed (${last.code ?? 'no answer'})`}`);
      }
    }
    // 5xx from the last server is a permanent refusal (e.g. no such mailbox); anything else may pass later.
    const permanent = (last.responseCode ?? 0) >= 500;
    return { ok: false, statusCode: last.responseCode ?? null, error: `e-mail not sent: ${failures.join('; ')}`, permanent };
  }
}
