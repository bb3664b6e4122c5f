import type { alertSummary } from './alert-blocks';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Subject, plain text and HTML of an alert e-mail. */
export function alertEmail(
  s: ReturnType<typeof alertSummary>,
  timestamp: string,
  unsubscribe: string | null,
): { subject: string; text: string; html: string } {
  const subject = `[TradeAssist] ${s.symbol}: ${s.message}`;
  const text = [
    s.message,
    '',
    ...s.fields.map(([k, v]) => `${k}: ${v}`),
    `Time: ${timestamp}`,
    ...(s.link ? ['', `Open in TradeAssist: ${s.link}`] : []),
    ...(unsubscribe ? ['', `Change or stop these e-mails: ${unsubscribe}`] : []),
  ].join('\n');
  const rows = [...s.fields, ['Time', timestamp] as [string, string]]
    .map(([k, v]) => `<tr><th align="left" style="padding:2px 12px 2px 0;color:#555">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  const html = [
    '<!doctype html><html><body style="font-family:Roboto,Arial,sans-serif">',
    `<h2 style="margin:0 0 8px">${escapeHtml(s.symbol)}: ${escapeHtml(s.message)}</h2>`,
    `<table>${rows}</table>`,
    s.link ? `<p><a href="${escapeHtml(s.link)}">Open in TradeAssist</a></p>` : '',
    unsubscribe ? `<p style="color:#777;font-size:12px"><a href="${escapeHtml(unsubscribe)}">Change or stop these e-mails</a></p>` : '',
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
