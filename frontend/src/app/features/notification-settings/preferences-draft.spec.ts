import { somePreferences } from '../../../testing/factories';
import { toDraft, toPreferences } from './preferences-draft';

describe('preferences draft', () => {
  it('lists every channel with the defaults filled in, and offers quiet hours in the browser’s timezone', () => {
    const draft = toDraft(somePreferences({ channels: { sms: { mode: 'off', min_priority: 'urgent' } } }), 'Asia/Tokyo');
    expect(draft.channels.map((r) => r.channel)).toEqual(['in_app', 'sound', 'slack', 'email', 'webhook', 'discord', 'telegram', 'sms']);
    expect(draft.channels[0]).toEqual({ channel: 'in_app', mode: 'on', min_priority: 'low', digest_minutes: 0 });
    expect(draft.channels.at(-1)).toEqual({ channel: 'sms', mode: 'off', min_priority: 'urgent', digest_minutes: 0 });
    expect(draft.quiet).toEqual({ enabled: false, start: '22:00', end: '07:00', timezone: 'Asia/Tokyo' });
    // Switched off, the window is not sent.
    expect(toPreferences(draft).quiet_hours).toBeNull();
  });

  it('round-trips what the server holds, and reads a silent sound channel as off', () => {
    const prefs = somePreferences({
      default_channels: ['in_app'],
      channels: { in_app: { mode: 'silent', min_priority: 'normal' }, telegram: { mode: 'on', min_priority: 'low', digest_minutes: 60 } },
      quiet_hours: { start: '23:00', end: '06:30', timezone: 'America/Chicago' },
    });
    expect(toPreferences(toDraft(prefs))).toEqual(prefs);
    expect(toPreferences(toDraft(somePreferences({ channels: { sound: { mode: 'silent', min_priority: 'low' } } }))).channels).toEqual({
      sound: { mode: 'off', min_priority: 'low' },
    });
  });

  it('drops a digest on the console’s own channels, which send each alert as it fires', () => {
    const draft = toDraft(somePreferences());
    draft.channels[0] = { ...draft.channels[0]!, digest_minutes: 15 };
    expect(toPreferences(draft).channels).toEqual({});
  });
});
