import type { AlertDetail, AlertPriority } from '@tradeassist/shared-types';

const PRIORITY: Record<AlertPriority, { emoji: string; color: string }> = {
  low: { emoji: ':information_source:', color: '#8a8f98' },
  normal: { emoji: ':bell:', color: '#3b82f6' },
  high: { emoji: ':warning:', color: '#f59e0b' },
  urgent: { emoji: ':rotating_light:', color: '#ef4444' },
};

const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(Number(n.toFixed(6))));

/** The alert as Slack Block Kit, in an attachment coloured by priority: symbol, value vs threshold, rule, time, link back. */
export function alertBlocks(
  alert: AlertDetail,
  priority: AlertPriority,
  consoleUrl: string | undefined,
): { text: string; attachments: object[] } {
  const p = PRIORITY[priority];
  const link = consoleUrl ? ` · <${consoleUrl.replace(/\/$/, '')}/alerts/${alert.id}|open in TradeAssist>` : '';
  return {
    // The plain text is what notifications and screen readers show.
    text: `${p.emoji} ${alert.alert_message}`,
    attachments: [
      {
        color: p.color,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `${p.emoji} *${alert.instrument_symbol}* ${alert.alert_message}` } },
          {
            type: 'section',
            fields: [
              { type: 'mrkdwn', text: `*Value*\n${fmt(alert.trigger_value)}` },
              { type: 'mrkdwn', text: `*Threshold*\n${fmt(alert.threshold_value)}` },
              { type: 'mrkdwn', text: `*Rule*\n${alert.rule_name ?? `Rule ${alert.rule_id}`} (v${alert.rule_version})` },
              { type: 'mrkdwn', text: `*Priority*\n${priority}` },
            ],
          },
          { type: 'context', elements: [{ type: 'mrkdwn', text: `${alert.timestamp}${link}` }] },
        ],
      },
    ],
  };
}
