import {
  NOTIFICATION_CHANNELS,
  type AlertPriority,
  type ChannelMode,
  type ChannelPreference,
  type NotificationChannel,
  type NotificationPreferences,
} from '@tradeassist/shared-types';
import { OUTBOX_CHANNELS } from '../../shared/delivery-status';

/** One channel's settings as the page edits them: every channel listed, defaults filled in. */
export interface ChannelRow {
  channel: NotificationChannel;
  mode: ChannelMode;
  min_priority: AlertPriority;
  /** 0: each alert on its own. Only outbox channels group into digests. */
  digest_minutes: number;
}

export interface QuietHoursDraft {
  enabled: boolean;
  start: string;
  end: string;
  timezone: string;
}

export interface PreferencesDraft {
  default_channels: NotificationChannel[];
  channels: ChannelRow[];
  quiet: QuietHoursDraft;
}

/** A channel with no entry is on for every priority, one alert at a time. */
const DEFAULT_ROW = { mode: 'on', min_priority: 'low', digest_minutes: 0 } as const;

export const browserTimezone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function digestable(channel: NotificationChannel): boolean {
  return OUTBOX_CHANNELS.includes(channel);
}

/** The modes a channel offers: a tone has no quiet way of being played, so sound is on or off. */
export function modesOf(channel: NotificationChannel): readonly ChannelMode[] {
  return channel === 'sound' ? ['on', 'off'] : ['on', 'silent', 'off'];
}

export function toDraft(prefs: NotificationPreferences, timezone = browserTimezone()): PreferencesDraft {
  return {
    default_channels: [...prefs.default_channels],
    channels: NOTIFICATION_CHANNELS.map((channel) => {
      const pref = prefs.channels[channel];
      const mode = pref?.mode ?? DEFAULT_ROW.mode;
      return {
        channel,
        mode: modesOf(channel).includes(mode) ? mode : 'off',
        min_priority: pref?.min_priority ?? DEFAULT_ROW.min_priority,
        digest_minutes: pref?.digest_minutes ?? DEFAULT_ROW.digest_minutes,
      };
    }),
    quiet: prefs.quiet_hours ? { enabled: true, ...prefs.quiet_hours } : { enabled: false, start: '22:00', end: '07:00', timezone },
  };
}

/** What PUT takes: only the channels that differ from the default, a digest only where one applies. */
export function toPreferences(draft: PreferencesDraft): NotificationPreferences {
  const channels: Partial<Record<NotificationChannel, ChannelPreference>> = {};
  for (const row of draft.channels) {
    const digest = digestable(row.channel) ? row.digest_minutes : 0;
    if (row.mode === DEFAULT_ROW.mode && row.min_priority === DEFAULT_ROW.min_priority && digest === 0) continue;
    channels[row.channel] = { mode: row.mode, min_priority: row.min_priority, ...(digest > 0 && { digest_minutes: digest }) };
  }
  const { enabled, start, end, timezone } = draft.quiet;
  return {
    default_channels: draft.default_channels,
    channels,
    quiet_hours: enabled ? { start, end, timezone: timezone.trim() } : null,
  };
}
