import { z } from 'zod';
import { FEED_KINDS } from '@tradeassist/shared-types';

/**
 * One schema for every setting: defaults live in config/tradeassist.yaml, environment variables
 * override them (ENV_BINDINGS), and docs/configuration.md is generated from the same table.
 */
const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

export const configSchema = z.object({
  server: z.object({
    port,
    host: z.string().min(1),
    body_limit: z.string().regex(/^\d+(kb|mb)$/, 'must look like 512kb or 5mb'),
  }),
  database: z.object({
    data_dir: z.string().min(1),
    url: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  }),
  feed: z.object({
    kind: z.enum(FEED_KINDS),
    tick_interval_ms: positiveInt.max(60_000),
    seed: z.coerce.number().int(),
    replay_file: z.string().min(1).optional(),
    replay_speed: z.coerce.number().min(0).max(10_000),
    replay_loop: z.coerce.boolean(),
  }),
  market: z.object({
    tick_flush_ms: positiveInt.max(10_000),
    tick_flush_size: positiveInt.max(100_000),
    stale_after_seconds: positiveInt.max(86_400),
  }),
  realtime: z.object({
    max_ticks_per_second_per_instrument: positiveInt.max(1000),
    heartbeat_seconds: positiveInt.max(3600),
    health_interval_seconds: positiveInt.max(3600),
  }),
  logging: z.object({
    level: z.enum(['error', 'warn', 'info', 'debug', 'verbose']),
  }),
  auth: z.object({
    admin_username: z.string().min(1).optional(),
    admin_password: z.string().min(8, 'must be at least 8 characters').optional(),
    access_token_minutes: positiveInt.max(24 * 60),
    refresh_token_days: positiveInt.max(365),
    cookie_secure: z.coerce.boolean(),
  }),
  security: z.object({
    cors_origins: z
      .string()
      .regex(/^(|(https?:\/\/[^,\s]+)(,https?:\/\/[^,\s]+)*)$/, 'must be empty or a comma-separated list of http(s) origins'),
    rate_limit_per_minute: positiveInt.max(1_000_000),
    login_rate_limit_per_minute: positiveInt.max(10_000),
  }),
  notifications: z.object({
    webhook_url: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
      .optional(),
    webhook_secret: z.string().min(16, 'must be at least 16 characters').optional(),
    slack_bot_token: z
      .string()
      .regex(/^xox[a-z]-\S+$/, 'must be a Slack token (xoxb-…)')
      .optional(),
    slack_channel: z.string().min(1).optional(),
    slack_webhook_url: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
      .optional(),
    slack_api_url: z.string().regex(/^https?:\/\/\S+\/$/, 'must be an http(s) URL ending with /'),
    smtp_url: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    smtp_fallback_url: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    mail_from: z.string().min(3),
    twilio_account_sid: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio Account SID (AC…)')
      .optional(),
    twilio_auth_token: z.string().min(16, 'must be a Twilio auth token').optional(),
    twilio_from: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in international form')
      .optional(),
    twilio_api_url: z.string().regex(/^https?:\/\/\S+[^/]$/, 'must be an http(s) URL without a trailing /'),
    discord_webhook_url: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
      .optional(),
    telegram_bot_token: z
      .string()
      .regex(/^\d+:[\w-]+$/, 'must be a Telegram bot token (123456:ABC…)')
      .optional(),
    telegram_chat_id: z
      .string()
      .regex(/^-?\d+$|^@\w+$/, 'must be a chat id or @channelname')
      .optional(),
    telegram_api_url: z.string().regex(/^https?:\/\/\S+[^/]$/, 'must be an http(s) URL without a trailing /'),
    console_url: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
      .optional(),
    allow_private_targets: z.coerce.boolean(),
    escalation_channel: z.enum(['slack', 'email', 'sms', 'webhook', 'discord', 'telegram']).optional(),
    escalation_minutes: positiveInt.max(1440),
    rate_limits: z.string().regex(/^(|[a-z_]+=\d+(,[a-z_]+=\d+)*)$/, 'must look like slack=60,sms=10 (sends per minute)'),
    max_attempts: positiveInt.max(50),
    runaway_firings: positiveInt.max(100_000),
    runaway_minutes: positiveInt.max(1440),
    storage_low_mb: z.coerce.number().int().min(0),
    dispatch_interval_ms: positiveInt.max(60_000),
    request_timeout_ms: positiveInt.max(60_000),
  }),
});

export type AppConfig = z.infer<typeof configSchema>;

export interface EnvBinding {
  env: string;
  path: readonly [keyof AppConfig, string];
  description: string;
  secret?: boolean;
}

export const ENV_BINDINGS: readonly EnvBinding[] = [
  { env: 'PORT', path: ['server', 'port'], description: 'HTTP and WebSocket port.' },
  { env: 'HOST', path: ['server', 'host'], description: 'Interface to bind; 0.0.0.0 exposes the console to the network.' },
  { env: 'BODY_LIMIT', path: ['server', 'body_limit'], description: 'Largest accepted JSON body.' },
  { env: 'DATA_DIR', path: ['database', 'data_dir'], description: 'Folder of the embedded SQLite database.' },
  { env: 'DATABASE_URL', path: ['database', 'url'], description: 'PostgreSQL URL; switches from SQLite to PostgreSQL.', secret: true },
  { env: 'MARKET_FEED', path: ['feed', 'kind'], description: 'Market data source: simulated, replay or none.' },
  {
    env: 'FEED_TICK_INTERVAL_MS',
    path: ['feed', 'tick_interval_ms'],
    description: 'Simulated feed: milliseconds between ticks of one instrument.',
  },
  { env: 'FEED_SEED', path: ['feed', 'seed'], description: 'Simulated feed: random seed, for a repeatable stream.' },
  {
    env: 'REPLAY_FILE',
    path: ['feed', 'replay_file'],
    description: 'Replay feed: CSV or JSON-lines file of ts,symbol,price,volume[,bid,ask].',
  },
  {
    env: 'REPLAY_SPEED',
    path: ['feed', 'replay_speed'],
    description: 'Replay feed: speed factor (1 = real time, 0 = as fast as possible).',
  },
  { env: 'REPLAY_LOOP', path: ['feed', 'replay_loop'], description: 'Replay feed: start again at the end of the file.' },
  { env: 'TICK_FLUSH_MS', path: ['market', 'tick_flush_ms'], description: 'Longest time a received tick waits before it is written.' },
  { env: 'TICK_FLUSH_SIZE', path: ['market', 'tick_flush_size'], description: 'Ticks written per batch at most.' },
  {
    env: 'FEED_STALE_AFTER_SECONDS',
    path: ['market', 'stale_after_seconds'],
    description: 'Feed counts as stale after this many seconds without a tick.',
  },
  {
    env: 'WS_MAX_TICKS_PER_SECOND',
    path: ['realtime', 'max_ticks_per_second_per_instrument'],
    description: 'Conflation: tick_update messages per instrument per second at most.',
  },
  {
    env: 'WS_HEARTBEAT_SECONDS',
    path: ['realtime', 'heartbeat_seconds'],
    description: 'WebSocket ping interval; a socket that misses one is closed.',
  },
  {
    env: 'WS_HEALTH_INTERVAL_SECONDS',
    path: ['realtime', 'health_interval_seconds'],
    description: 'Interval of health_status broadcasts.',
  },
  { env: 'LOG_LEVEL', path: ['logging', 'level'], description: 'error, warn, info, debug or verbose.' },
  { env: 'ADMIN_USERNAME', path: ['auth', 'admin_username'], description: 'First-start administrator name.' },
  {
    env: 'ADMIN_PASSWORD',
    path: ['auth', 'admin_password'],
    description: 'First-start administrator password (otherwise a one-time password is printed once).',
    secret: true,
  },
  {
    env: 'ACCESS_TOKEN_MINUTES',
    path: ['auth', 'access_token_minutes'],
    description: 'Lifetime of a browser access token; the console refreshes it silently.',
  },
  { env: 'REFRESH_TOKEN_DAYS', path: ['auth', 'refresh_token_days'], description: 'Lifetime of a browser session without activity.' },
  { env: 'COOKIE_SECURE', path: ['auth', 'cookie_secure'], description: 'Mark session cookies Secure; turn on when served over HTTPS.' },
  {
    env: 'CORS_ORIGINS',
    path: ['security', 'cors_origins'],
    description: 'Comma-separated origins allowed to call the API from a browser; empty keeps CORS closed.',
  },
  { env: 'RATE_LIMIT_PER_MINUTE', path: ['security', 'rate_limit_per_minute'], description: 'Requests per minute per client and route.' },
  {
    env: 'WEBHOOK_URL',
    path: ['notifications', 'webhook_url'],
    description: 'Webhook channel: where alerts are POSTed (https unless private targets are allowed).',
    secret: true,
  },
  {
    env: 'WEBHOOK_SECRET',
    path: ['notifications', 'webhook_secret'],
    description: 'Webhook channel: HMAC-SHA256 signing key (16+ characters).',
    secret: true,
  },
  {
    env: 'SLACK_BOT_TOKEN',
    path: ['notifications', 'slack_bot_token'],
    description: 'Slack channel: bot token (chat.postMessage).',
    secret: true,
  },
  { env: 'SLACK_CHANNEL', path: ['notifications', 'slack_channel'], description: 'Slack channel: channel id or name to post alerts to.' },
  {
    env: 'SLACK_WEBHOOK_URL',
    path: ['notifications', 'slack_webhook_url'],
    description: 'Slack channel without a bot: an Incoming Webhook URL (used when SLACK_BOT_TOKEN is not set).',
    secret: true,
  },
  {
    env: 'SLACK_API_URL',
    path: ['notifications', 'slack_api_url'],
    description: 'Slack Web API base URL (tests point it at a local fake).',
  },
  {
    env: 'SMTP_URL',
    path: ['notifications', 'smtp_url'],
    description: 'E-mail channel: primary SMTP server, smtp(s)://user:pass@host:port.',
    secret: true,
  },
  {
    env: 'SMTP_FALLBACK_URL',
    path: ['notifications', 'smtp_fallback_url'],
    description: 'E-mail channel: secondary SMTP server, used only when the primary fails.',
    secret: true,
  },
  { env: 'MAIL_FROM', path: ['notifications', 'mail_from'], description: 'E-mail channel: the From address.' },
  { env: 'TWILIO_ACCOUNT_SID', path: ['notifications', 'twilio_account_sid'], description: 'SMS channel: Twilio Account SID.' },
  { env: 'TWILIO_AUTH_TOKEN', path: ['notifications', 'twilio_auth_token'], description: 'SMS channel: Twilio auth token.', secret: true },
  { env: 'TWILIO_FROM', path: ['notifications', 'twilio_from'], description: 'SMS channel: the sending number (E.164).' },
  {
    env: 'TWILIO_API_URL',
    path: ['notifications', 'twilio_api_url'],
    description: 'Twilio REST API base URL (tests point it at a local fake).',
  },
  {
    env: 'DISCORD_WEBHOOK_URL',
    path: ['notifications', 'discord_webhook_url'],
    description: 'Discord channel: the channel webhook URL.',
    secret: true,
  },
  { env: 'TELEGRAM_BOT_TOKEN', path: ['notifications', 'telegram_bot_token'], description: 'Telegram channel: bot token.', secret: true },
  {
    env: 'TELEGRAM_CHAT_ID',
    path: ['notifications', 'telegram_chat_id'],
    description: 'Telegram channel: chat id or @channel to send alerts to.',
  },
  {
    env: 'TELEGRAM_API_URL',
    path: ['notifications', 'telegram_api_url'],
    description: 'Telegram Bot API base URL (tests point it at a local fake).',
  },
  {
    env: 'CONSOLE_URL',
    path: ['notifications', 'console_url'],
    description: 'Public URL of this console, for links back from notifications.',
  },
  {
    env: 'ESCALATION_CHANNEL',
    path: ['notifications', 'escalation_channel'],
    description:
      'Where an urgent alert nobody acknowledged in the notification center goes next (slack, email, sms, webhook, discord, telegram).',
  },
  {
    env: 'NOTIFY_RUNAWAY_FIRINGS',
    path: ['notifications', 'runaway_firings'],
    description: 'A rule firing more often than this within NOTIFY_RUNAWAY_MINUTES has its notifications grouped into digests.',
  },
  {
    env: 'NOTIFY_RUNAWAY_MINUTES',
    path: ['notifications', 'runaway_minutes'],
    description: "The runaway window, and how often a runaway rule's digest is sent.",
  },
  {
    env: 'STORAGE_LOW_MB',
    path: ['notifications', 'storage_low_mb'],
    description: "Administrators get a storage_low system alert when the data directory's disk has less free space than this (0: never).",
  },
  {
    env: 'ESCALATION_MINUTES',
    path: ['notifications', 'escalation_minutes'],
    description: 'How long an urgent alert may stay unacknowledged before it is escalated.',
  },
  {
    env: 'NOTIFY_RATE_LIMITS',
    path: ['notifications', 'rate_limits'],
    description: 'Sends per minute per channel (bursts of a twelfth of it): over budget, notifications wait; none is dropped.',
  },
  {
    env: 'NOTIFY_ALLOW_PRIVATE_TARGETS',
    path: ['notifications', 'allow_private_targets'],
    description: 'Allow http and private, loopback or link-local targets for outbound notifications (off: SSRF guard).',
  },
  {
    env: 'NOTIFY_MAX_ATTEMPTS',
    path: ['notifications', 'max_attempts'],
    description: 'Attempts per notification before it goes to the dead-letter list.',
  },
  {
    env: 'NOTIFY_DISPATCH_INTERVAL_MS',
    path: ['notifications', 'dispatch_interval_ms'],
    description: 'How often the dispatcher looks for due notifications.',
  },
  { env: 'NOTIFY_TIMEOUT_MS', path: ['notifications', 'request_timeout_ms'], description: 'Timeout of one delivery request.' },
  {
    env: 'LOGIN_RATE_LIMIT_PER_MINUTE',
    path: ['security', 'login_rate_limit_per_minute'],
    description: 'Login attempts per minute per client.',
  },
];
