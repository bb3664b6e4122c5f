import { meetsMinPriority, type AlertPriority, type NotificationChannel, type NotificationPreferences } from '@tradeassist/shared-types';
import { SessionMatcher } from '../../engine';

/** A user's quiet hours as a matcher (a window across midnight is two windows). */
export function quietMatcher(prefs: NotificationPreferences): SessionMatcher | null {
  const q = prefs.quiet_hours;
  if (!q) return null;
  const everyDay = [1, 2, 3, 4, 5, 6, 7];
  const windows =
    q.start < q.end
      ? [{ days: everyDay, start: q.start, end: q.end }]
      : [
          { days: everyDay, start: q.start, end: '24:00' },
          { days: everyDay, start: '00:00', end: q.end },
        ];
  return new SessionMatcher(q.timezone, windows);
}

/**
 * Where one alert goes for its owner: the rule's channels (or the owner's defaults), without the
 * channels they switched off or set to a higher minimum priority, and during their quiet hours
 * only the notification center, unless the alert is urgent.
 */
export function routeFor(
  ruleChannels: readonly NotificationChannel[] | null,
  prefs: NotificationPreferences,
  quiet: SessionMatcher | null,
  priority: AlertPriority,
  nowMs: number,
): NotificationChannel[] {
  const wanted = ruleChannels ?? prefs.default_channels;
  const hushed = priority !== 'urgent' && quiet !== null && quiet.matches(nowMs);
  return wanted.filter((c) => {
    const pref = prefs.channels[c];
    if (pref && (pref.mode === 'off' || !meetsMinPriority(priority, pref.min_priority))) return false;
    return !hushed || c === 'in_app';
  });
}
