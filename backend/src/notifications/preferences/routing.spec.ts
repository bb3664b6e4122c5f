import { DEFAULT_PREFERENCES, type NotificationPreferences } from '@tradeassist/shared-types';
import { quietMatcher, routeFor } from './routing';

const prefs = (over: Partial<NotificationPreferences>): NotificationPreferences => ({ ...DEFAULT_PREFERENCES, ...over });
// Wednesday 15 July 2026, 23:30 in London (BST, UTC+1).
const NIGHT = Date.parse('2026-07-15T22:30:00Z');
const DAY = Date.parse('2026-07-15T11:00:00Z');

describe('routeFor', () => {
  const night = prefs({ quiet_hours: { start: '22:00', end: '07:00', timezone: 'Europe/London' } });

  it.each([
    ['the rule names none: the defaults', prefs({ default_channels: ['in_app', 'slack'] }), null, 'normal', DAY, ['in_app', 'slack']],
    ["the rule's own channels", prefs({}), ['email', 'sms'], 'normal', DAY, ['email', 'sms']],
    [
      'a channel switched off',
      prefs({ channels: { slack: { mode: 'off', min_priority: 'low' } } }),
      ['slack', 'email'],
      'urgent',
      DAY,
      ['email'],
    ],
    [
      'below the minimum priority',
      prefs({ channels: { email: { mode: 'on', min_priority: 'high' } } }),
      ['email', 'in_app'],
      'normal',
      DAY,
      ['in_app'],
    ],
    ['at the minimum priority', prefs({ channels: { email: { mode: 'on', min_priority: 'high' } } }), ['email'], 'high', DAY, ['email']],
    ['quiet hours (across midnight): the notification center only', night, ['in_app', 'sound', 'slack'], 'high', NIGHT, ['in_app']],
    ['quiet hours: urgent breaks through', night, ['in_app', 'sound', 'slack'], 'urgent', NIGHT, ['in_app', 'sound', 'slack']],
    ['outside quiet hours', night, ['in_app', 'slack'], 'normal', DAY, ['in_app', 'slack']],
  ] as const)('%s', (_name, p, rule, priority, now, expected) => {
    expect(routeFor(rule, p, quietMatcher(p), priority, now)).toEqual(expected);
  });
});
