import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AlertLinkAction } from '@tradeassist/shared-types';
import { loadOrCreateSecret } from '../../auth/app-settings';
import { APP_CONFIG, type AppConfig } from '../../config';
import type { ActionLinks } from '../message/notification-message';

/** How long a link in a message keeps working. */
export const LINK_TTL_MS = 7 * 86_400_000;
/** What "Snooze" in a message does. */
export const LINK_SNOOZE_MINUTES = 60;

export interface LinkClaim {
  alertId: number;
  userId: number;
  action: AlertLinkAction;
  expires: number;
}

/**
 * Signed links that acknowledge or snooze an alert for its recipient from an e-mail, Slack message
 * or webhook payload, without signing in: HMAC-SHA256 over (alert, user, action, expiry) with a
 * server key kept in the database, so every replica accepts the links of every other.
 */
@Injectable()
export class ActionLinksService implements OnModuleInit {
  private key = '';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    this.key = await loadOrCreateSecret(this.dataSource, 'action_link_key');
  }

  /** Links for one recipient of one alert; null without a console URL to point at or a recipient to act for. */
  forAlert(alertId: number, userId: number | null, now = Date.now()): ActionLinks | null {
    const base = this.config.notifications.console_url;
    if (!base || userId === null) return null;
    const link = (action: AlertLinkAction): string => {
      const expires = now + LINK_TTL_MS;
      const q = new URLSearchParams({ u: String(userId), exp: String(expires), sig: this.sign({ alertId, userId, action, expires }) });
      return `${base.replace(/\/$/, '')}/api/alert-actions/${alertId}/${action}?${q.toString()}`;
    };
    return { acknowledge: link('acknowledge'), snooze: link('snooze') };
  }

  /** Why the link is refused, with the HTTP status to say it with (400 not genuine, 410 expired), or null when it is good. */
  refusal(claim: LinkClaim, signature: string, now = Date.now()): { status: 400 | 410; message: string } | null {
    const expected = Buffer.from(this.sign(claim));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { status: 400, message: 'This link is not valid (it was changed or cut short). Open the alert in TradeAssist instead.' };
    if (claim.expires < now) return { status: 410, message: 'This link has expired. Open the alert in TradeAssist instead.' };
    return null;
  }

  private sign(c: LinkClaim): string {
    return createHmac('sha256', this.key).update(`${c.alertId}.${c.userId}.${c.action}.${c.expires}`).digest('base64url');
  }
}
