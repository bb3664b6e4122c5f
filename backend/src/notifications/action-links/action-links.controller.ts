import { Controller, Get, Header, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALERT_LINK_ACTIONS, type AlertLinkAction } from '@tradeassist/shared-types';
import { Public } from '../../access';
import { AppException } from '../../common';
import { escapeHtml } from '../channels/message-style';
import { InboxService } from '../inbox/inbox.service';
import { ActionLinksService, LINK_SNOOZE_MINUTES, type LinkClaim } from './action-links.service';

const VERB: Record<AlertLinkAction, string> = { acknowledge: 'Acknowledge', snooze: `Snooze for ${LINK_SNOOZE_MINUTES} minutes` };
const DONE: Record<AlertLinkAction, string> = { acknowledge: 'acknowledged', snooze: `snoozed for ${LINK_SNOOZE_MINUTES} minutes` };

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · TradeAssist</title></head><body style="font-family:Roboto,Arial,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>${body}</body></html>`;
}

/**
 * The signed acknowledge/snooze links in messages. Opening one (GET) only asks for confirmation:
 * mail scanners and link previews fetch links, and must not acknowledge anything. The button
 * POSTs, which acts.
 */
@ApiExcludeController()
@Controller('alert-actions')
export class ActionLinksController {
  constructor(
    private readonly links: ActionLinksService,
    private readonly inbox: InboxService,
  ) {}

  @Public()
  @Get(':alertId/:action')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  confirm(
    @Param('alertId', ParseIntPipe) alertId: number,
    @Param('action') action: string,
    @Query() q: Record<string, string>,
    @Res({ passthrough: true }) res: Response,
  ): string {
    const checked = this.check(alertId, action, q);
    if ('message' in checked) {
      res.status(checked.status);
      return page('This link cannot be used', `<p>${escapeHtml(checked.message)}</p>`);
    }
    const query = new URLSearchParams(q).toString();
    // Relative to this page's URL: the same path, the same signed query.
    return page(
      `${VERB[checked.action]} alert ${alertId}?`,
      `<form method="post" action="${escapeHtml(`${checked.action}?${query}`)}"><button type="submit" style="font-size:1rem;padding:.5rem 1.2rem">${escapeHtml(VERB[checked.action])}</button></form>`,
    );
  }

  @Public()
  @Post(':alertId/:action')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async act(
    @Param('alertId', ParseIntPipe) alertId: number,
    @Param('action') action: string,
    @Query() q: Record<string, string>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const checked = this.check(alertId, action, q);
    if ('message' in checked) {
      res.status(checked.status);
      return page('This link cannot be used', `<p>${escapeHtml(checked.message)}</p>`);
    }
    try {
      const item = await this.inbox.actOnAlert(checked.userId, alertId, checked.action, LINK_SNOOZE_MINUTES);
      return page(`Alert ${DONE[checked.action]}`, `<p>${escapeHtml(item.title)}: ${escapeHtml(item.body)}</p>`);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      res.status(error.status);
      return page('Nothing to do', `<p>${escapeHtml(error.message)}</p>`);
    }
  }

  private check(alertId: number, action: string, q: Record<string, string>): LinkClaim | { status: number; message: string } {
    if (!(ALERT_LINK_ACTIONS as readonly string[]).includes(action))
      return { status: 404, message: `"${action}" is not something a link can do.` };
    const claim: LinkClaim = { alertId, userId: Number(q['u']), action: action as AlertLinkAction, expires: Number(q['exp']) };
    if (!Number.isInteger(claim.userId) || !Number.isFinite(claim.expires) || typeof q['sig'] !== 'string')
      return { status: 400, message: 'This link is incomplete. Open the alert in TradeAssist instead.' };
    return this.links.refusal(claim, q['sig']) ?? claim;
  }
}
