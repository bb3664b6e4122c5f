import type { NotificationMessage } from '../message/notification-message';
import { messageLinks, PRIORITY_STYLE } from './message-style';

/** The message as Slack Block Kit, in an attachment coloured by priority: text, fields, time, links back and actions. */
export function slackBlocks(m: NotificationMessage): { text: string; attachments: object[] } {
  const p = PRIORITY_STYLE[m.priority];
  const links = messageLinks(m)
    .map(([label, url]) => ` · <${url}|${label === 'Open in TradeAssist' ? 'open in TradeAssist' : label}>`)
    .join('');
  return {
    // The plain text is what notifications and screen readers show.
    text: `${p.emoji} ${m.text.split('\n')[0] ?? ''}`,
    attachments: [
      {
        color: p.color,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `${p.emoji} ${m.text}`.slice(0, 3000) } },
          { type: 'section', fields: m.fields.map(([name, value]) => ({ type: 'mrkdwn', text: `*${name}*\n${value}` })) },
          { type: 'context', elements: [{ type: 'mrkdwn', text: `${m.timestamp}${links}` }] },
        ],
      },
    ],
  };
}
