import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DEFAULT_PREFERENCES, type AlertPriority, type NotificationChannel, type NotificationPreferences } from '@tradeassist/shared-types';
import type { SessionMatcher } from '../../engine';
import { PreferenceEntity } from './preference.entity';
import { quietMatcher, routeFor } from './routing';

/** Users' notification settings, held in memory so routing an alert needs no query on the tick path. */
@Injectable()
export class PreferencesService implements OnModuleInit {
  private readonly byUser = new Map<number, { prefs: NotificationPreferences; quiet: SessionMatcher | null }>();

  constructor(@InjectRepository(PreferenceEntity) private readonly repo: Repository<PreferenceEntity>) {}

  async onModuleInit(): Promise<void> {
    for (const row of await this.repo.find()) this.remember(row.userId, row.settings);
  }

  get(userId: number): NotificationPreferences {
    return this.byUser.get(userId)?.prefs ?? DEFAULT_PREFERENCES;
  }

  async put(userId: number, prefs: NotificationPreferences): Promise<NotificationPreferences> {
    await this.repo.save({ userId, settings: prefs, updatedAt: Date.now() });
    this.remember(userId, prefs);
    return prefs;
  }

  /** The channels an alert of this rule goes to for its owner (no owner: the rule's channels, or the defaults). */
  route(
    userId: number | null,
    ruleChannels: readonly NotificationChannel[] | null,
    priority: AlertPriority,
    nowMs = Date.now(),
  ): NotificationChannel[] {
    const entry = userId === null ? undefined : this.byUser.get(userId);
    return routeFor(ruleChannels, entry?.prefs ?? DEFAULT_PREFERENCES, entry?.quiet ?? null, priority, nowMs);
  }

  /** How a channel delivers to this user: quietly, and grouped into a digest window (minutes, 0: each alert on its own). */
  deliveryOptions(userId: number | null, channel: NotificationChannel): { silent: boolean; digestMinutes: number } {
    const pref = userId === null ? undefined : this.byUser.get(userId)?.prefs.channels[channel];
    return { silent: pref?.mode === 'silent', digestMinutes: pref?.digest_minutes ?? 0 };
  }

  private remember(userId: number, prefs: NotificationPreferences): void {
    this.byUser.set(userId, { prefs, quiet: quietMatcher(prefs) });
  }
}
