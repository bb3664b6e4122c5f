import type { NotificationMessage } from '../message/notification-message';
import { escapeHtml, messageLinks } from './message-style';

/** Subject, plain text and HTML of a notification e-mail. */
export function emailParts(m: NotificationMessage, unsubscribe: string | null): { subject: string; text: string; html: string } {
  const subject = `[TradeAssist] ${m.title}`;
  const links = messageLinks(m);
  const text = [
    m.text,
    '',
    ...m.fields.map(([k, v]) => `${k}: ${v}`),
    `Time: ${m.timestamp}`,
    ...(links.length > 0 ? ['', ...links.map(([label, url]) => `${label}: ${url}`)] : []),
    ...(unsubscribe ? ['', `Change or stop these e-mails: ${unsubscribe}`] : []),
  ].join('\n');
  const rows = [...m.fields, ['Time', m.timestamp] as [string, string]]
    .map(([k, v]) => `<tr><th align="left" style="padding:2px 12px 2px 0;color:#555">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  const html = [
    '<!doctype html><html><body style="font-family:Roboto,Arial,sans-serif">',
    `<h2 style="margin:0 0 8px">${escapeHtml(m.title)}</h2>`,
    `<p style="white-space:pre-line">${escapeHtml(m.text)}</p>`,
    `<table>${rows}</table>`,
    links.length > 0 ? `<p>${links.map(([label, url]) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`).join(' · ')}</p>` : '',
    unsubscribe ? `<p style="color:#777;font-size:12px"><a href="${escapeHtml(unsubscribe)}">Change or stop these e-mails</a></p>` : '',
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
