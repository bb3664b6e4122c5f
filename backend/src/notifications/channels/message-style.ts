import type { AlertPriority } from '@tradeassist/shared-types';
import type { NotificationMessage } from '../message/notification-message';

export const PRIORITY_STYLE: Record<AlertPriority, { emoji: string; unicode: string; color: string }> = {
  low: { emoji: ':information_source:', unicode: 'ℹ️', color: '#8a8f98' },
  normal: { emoji: ':bell:', unicode: '🔔', color: '#3b82f6' },
  high: { emoji: ':warning:', unicode: '⚠️', color: '#f59e0b' },
  urgent: { emoji: ':rotating_light:', unicode: '🚨', color: '#ef4444' },
};

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The links under a message, as (label, url) pairs: back to the console, then the actions. */
export function messageLinks(m: NotificationMessage): [string, string][] {
  const links: [string, string][] = [];
  if (m.link) links.push(['Open in TradeAssist', m.link]);
  if (m.actions) links.push(['Acknowledge', m.actions.acknowledge], ['Snooze 1 h', m.actions.snooze]);
  return links;
}
