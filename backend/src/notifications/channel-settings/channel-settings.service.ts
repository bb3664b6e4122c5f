import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ChannelSettings, ChannelSettingsUpdate, ValidationErrorItem } from '@tradeassist/shared-types';
import { ValidationFailedError } from '../../common';
import { APP_CONFIG, configSchema, type AppConfig } from '../../config';
import { ChannelSettingsEntity } from '../entities/channel-settings.entity';
import { DEFAULT_TEMPLATES, TEMPLATE_VARIABLES, templateProblem } from '../message/channel-template';
import { sampleContext } from '../message/sample-alert';
import { channelFields, editableKeys, OUTBOX_CHANNELS, type OutboxChannel } from './channel-fields';

/** What a sender works with: the environment's settings with an administrator's changes on top. */
export type SenderConfig = AppConfig['notifications'] & { webhook_headers: Record<string, string> };

const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;
/** Headers a custom header must not replace: the signature, the idempotency key and HTTP's own. */
const RESERVED_HEADERS = /^(x-tradeassist-|idempotency-key$|content-type$|content-length$|host$|authorization$)/i;

/**
 * Administrators' channel settings (switch, non-secret values, webhook headers, message template),
 * kept in memory so sending reads no row. Secrets stay in the environment until the secrets module.
 */
@Injectable()
export class ChannelSettingsService implements OnModuleInit {
  private readonly rows = new Map<OutboxChannel, ChannelSettingsEntity>();
  private version = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(ChannelSettingsEntity) private readonly repo: Repository<ChannelSettingsEntity>,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const row of await this.repo.find()) this.rows.set(row.channel as OutboxChannel, row);
    this.version++;
  }

  /** Bumped on every change, so whoever built clients from the settings knows to build them again. */
  get changes(): number {
    return this.version;
  }

  enabled(channel: OutboxChannel): boolean {
    return this.rows.get(channel)?.enabled ?? true;
  }

  template(channel: OutboxChannel): string {
    return this.rows.get(channel)?.template ?? DEFAULT_TEMPLATES[channel] ?? '{{message}}';
  }

  senderConfig(): SenderConfig {
    const merged: SenderConfig = { ...this.config.notifications, webhook_headers: this.rows.get('webhook')?.headers ?? {} };
    for (const row of this.rows.values()) Object.assign(merged, row.values);
    return merged;
  }

  list(unavailable: (channel: OutboxChannel) => string | null): ChannelSettings[] {
    const config = this.senderConfig();
    return OUTBOX_CHANNELS.map((channel) => {
      const row = this.rows.get(channel);
      return {
        channel,
        enabled: row?.enabled ?? true,
        unavailable: unavailable(channel),
        fields: channelFields(channel, config),
        headers: channel === 'webhook' ? (row?.headers ?? {}) : null,
        template: row?.template ?? null,
        default_template: DEFAULT_TEMPLATES[channel] ?? '{{message}}',
        variables: [...TEMPLATE_VARIABLES],
      };
    });
  }

  async update(channel: OutboxChannel, change: ChannelSettingsUpdate): Promise<void> {
    const current = this.rows.get(channel);
    const values = { ...(current?.values ?? {}) };
    const problems: ValidationErrorItem[] = [];
    const bad = (loc: (string | number)[], msg: string): void => void problems.push({ loc: ['body', ...loc], msg, type: 'value' });
    const editable = editableKeys(channel);
    for (const [key, value] of Object.entries(change.values ?? {})) {
      if (!(editable as string[]).includes(key)) {
        bad(
          ['values', key],
          `cannot be set here; editable settings of ${channel}: ${editable.join(', ') || 'none'} (secrets stay in the environment)`,
        );
        continue;
      }
      if (typeof value !== 'string') bad(['values', key], 'must be a string');
      else if (value === '') delete values[key];
      else values[key] = value;
    }
    // The same rules as the environment's, so a value that could not boot the app cannot be saved either.
    const parsed = configSchema.shape.notifications.safeParse({ ...this.config.notifications, ...values });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        if (key in values) bad(['values', key], issue.message);
      }
    const headers = change.headers === undefined ? (current?.headers ?? null) : change.headers;
    if (change.headers !== undefined && channel !== 'webhook' && change.headers !== null)
      bad(['headers'], 'only the webhook channel sends custom headers');
    for (const [name, value] of Object.entries(channel === 'webhook' ? (headers ?? {}) : {})) {
      if (!HEADER_NAME.test(name)) bad(['headers', name], 'must be a header name of letters, digits and dashes');
      else if (RESERVED_HEADERS.test(name)) bad(['headers', name], 'is set by TradeAssist itself and cannot be replaced');
      else if (typeof value !== 'string' || /[\r\n]/.test(value) || value.length > 1000)
        bad(['headers', name], 'must be one line of at most 1000 characters');
    }
    const template = change.template === undefined ? (current?.template ?? null) : change.template;
    if (change.template !== undefined && template !== null) {
      const problem = templateProblem(template, sampleContext());
      if (problem) bad(['template'], problem);
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const row = this.repo.create({
      channel,
      enabled: change.enabled ?? current?.enabled ?? true,
      values,
      headers: channel === 'webhook' ? headers : null,
      template,
      updatedAt: Date.now(),
    });
    await this.repo.save(row);
    this.rows.set(channel, row);
    this.version++;
  }
}
