import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsObject, IsOptional } from 'class-validator';
import {
  ALERT_PRIORITIES,
  CHANNEL_MODES,
  DIGEST_WINDOWS_MINUTES,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationPreferences,
  type ValidationErrorItem,
} from '@tradeassist/shared-types';
import { CurrentPrincipal, Requires, type Principal } from '../../access';
import { AppException, ValidationFailedError } from '../../common';
import { isTimezone } from '../../engine';
import { PreferencesService } from './preferences.service';

class PreferencesDto implements NotificationPreferences {
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true, example: ['in_app', 'sound', 'slack'] })
  @IsArray()
  default_channels: NotificationChannel[];

  @ApiProperty({
    type: Object,
    example: {
      slack: { mode: 'on', min_priority: 'high', digest_minutes: 15 },
      telegram: { mode: 'silent', min_priority: 'low' },
      sms: { mode: 'off', min_priority: 'urgent' },
    },
  })
  @IsObject()
  channels: NotificationPreferences['channels'];

  @ApiPropertyOptional({ type: Object, nullable: true, example: { start: '22:00', end: '07:00', timezone: 'Europe/London' } })
  @IsOptional()
  @IsObject()
  quiet_hours: NotificationPreferences['quiet_hours'];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function problems(p: PreferencesDto): ValidationErrorItem[] {
  const items: ValidationErrorItem[] = [];
  const bad = (loc: (string | number)[], msg: string): void => void items.push({ loc: ['body', ...loc], msg, type: 'value' });
  p.default_channels.forEach((c, i) => {
    if (!(NOTIFICATION_CHANNELS as readonly unknown[]).includes(c))
      bad(['default_channels', i], `must be one of: ${NOTIFICATION_CHANNELS.join(', ')}`);
  });
  for (const [channel, pref] of Object.entries(p.channels as Record<string, Record<string, unknown> | null>)) {
    if (!(NOTIFICATION_CHANNELS as readonly string[]).includes(channel))
      bad(['channels', channel], `is not a channel; use one of: ${NOTIFICATION_CHANNELS.join(', ')}`);
    else if (!pref || !(CHANNEL_MODES as readonly unknown[]).includes(pref['mode']))
      bad(['channels', channel, 'mode'], `must be one of: ${CHANNEL_MODES.join(', ')}`);
    else if (!(ALERT_PRIORITIES as readonly unknown[]).includes(pref['min_priority']))
      bad(['channels', channel, 'min_priority'], `must be one of: ${ALERT_PRIORITIES.join(', ')}`);
    else if (pref['digest_minutes'] !== undefined && !(DIGEST_WINDOWS_MINUTES as readonly unknown[]).includes(pref['digest_minutes']))
      bad(['channels', channel, 'digest_minutes'], `must be one of: ${DIGEST_WINDOWS_MINUTES.join(', ')} (minutes; 0: no digest)`);
    else if (pref['digest_minutes'] && (channel === 'in_app' || channel === 'sound'))
      bad(['channels', channel, 'digest_minutes'], 'the console shows every alert as it fires; digests are for the other channels');
  }
  const q = p.quiet_hours as Record<string, unknown> | null | undefined;
  if (q) {
    if (typeof q['start'] !== 'string' || !HHMM.test(q['start'])) bad(['quiet_hours', 'start'], 'must be a time HH:MM (24 h)');
    if (typeof q['end'] !== 'string' || !HHMM.test(q['end'])) bad(['quiet_hours', 'end'], 'must be a time HH:MM (24 h)');
    else if (q['end'] === q['start']) bad(['quiet_hours', 'end'], 'must differ from start');
    if (typeof q['timezone'] !== 'string' || !isTimezone(q['timezone']))
      bad(['quiet_hours', 'timezone'], 'must be an IANA timezone such as Europe/London');
  }
  return items;
}

/** The signed-in user's notification settings. */
@ApiTags('notifications')
@Controller('me/notification-preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Requires('viewer')
  @Get()
  @ApiOkResponse({ type: PreferencesDto })
  get(@CurrentPrincipal() me: Principal): NotificationPreferences {
    return this.preferences.get(userOf(me));
  }

  @Requires('viewer')
  @Put()
  @ApiOkResponse({ type: PreferencesDto })
  put(@CurrentPrincipal() me: Principal, @Body() dto: PreferencesDto): Promise<NotificationPreferences> {
    const items = problems(dto);
    if (items.length > 0) throw new ValidationFailedError(items);
    return this.preferences.put(userOf(me), {
      default_channels: [...new Set(dto.default_channels)],
      channels: dto.channels,
      quiet_hours: dto.quiet_hours ?? null,
    });
  }
}

function userOf(me: Principal): number {
  if (me.userId === null) throw new AppException(403, 'NO_USER', 'This credential has no user, so no notification settings');
  return me.userId;
}
