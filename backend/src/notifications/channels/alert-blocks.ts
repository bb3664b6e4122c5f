import type { AlertDetail, AlertPriority } from '@tradeassist/shared-types';

export const PRIORITY_STYLE: Record<AlertPriority, { emoji: string; color: string }> = {
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
  const p = PRIORITY_STYLE[priority];
  const s = alertSummary(alert, priority, consoleUrl);
  const link = s.link ? ` · <${s.link}|open in TradeAssist>` : '';
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
            fields: s.fields.map(([name, value]) => ({ type: 'mrkdwn', text: `*${name}*\n${value}` })),
          },
          { type: 'context', elements: [{ type: 'mrkdwn', text: `${alert.timestamp}${link}` }] },
        ],
      },
    ],
  };
}

/** What every chat channel says about an alert, before its own formatting. */
export function alertSummary(alert: AlertDetail, priority: AlertPriority, consoleUrl: string | undefined) {
  return {
    emoji: PRIORITY_STYLE[priority].emoji,
    symbol: alert.instrument_symbol,
    message: alert.alert_message,
    fields: [
      ['Value', fmt(alert.trigger_value)],
      ['Threshold', fmt(alert.threshold_value)],
      ['Rule', `${alert.rule_name ?? `Rule ${alert.rule_id}`} (v${alert.rule_version})`],
      ['Priority', priority],
    ] as [string, string][],
    link: consoleUrl ? `${consoleUrl.replace(/\/$/, '')}/alerts/${alert.id}` : null,
  };
}
