import {
  DEFAULT_RULE_OPTIONS,
  type AlertFired,
  type AlertLog,
  type AlertRule,
  type BacktestJob,
  type ChannelSettings,
  type ErrorBody,
  type HealthResponse,
  type InboxItem,
  type Instrument,
  type MeResponse,
  type NotificationPreferences,
  type NotificationRecord,
  type Role,
  type RuleFields,
  type RuleTemplate,
  type TickUpdate,
} from '@tradeassist/shared-types';

/** Test data with realistic defaults; each test overrides only what it is about. */
export const anInstrument = (over: Partial<Instrument> = {}): Instrument => ({
  id: 1,
  symbol: 'ES',
  name: 'E-mini S&P 500',
  type: 'future',
  status: 'active',
  last_tick: '2026-11-22T14:29:59.000Z',
  last_price: 6000,
  timezone: 'America/New_York',
  created_at: '2026-11-22T00:00:00.000Z',
  ...over,
});

/** What a rule version records: the rule's fields without its identity and bookkeeping. */
export const aRuleDefinition = (over: Partial<RuleFields> = {}): RuleFields => ({
  instrument_id: 1,
  rule_type: 'threshold',
  condition: 'above',
  threshold: 6100,
  active: true,
  name: 'ES breakout',
  description: null,
  time_window_seconds: null,
  moving_average_period: null,
  cooldown_seconds: 60,
  ...DEFAULT_RULE_OPTIONS,
  ...over,
});

export const aRule = (over: Partial<AlertRule> = {}): AlertRule => ({
  id: 1,
  ...aRuleDefinition(),
  instrument_symbol: 'ES',
  last_triggered: null,
  fires_today: 0,
  version: 1,
  owner_id: 1,
  owner: 'ann',
  created_at: '2026-11-22T00:00:00.000Z',
  updated_at: '2026-11-22T00:00:00.000Z',
  ...over,
});

export const aTick = (over: Partial<TickUpdate> = {}): TickUpdate => ({
  instrument_id: 1,
  symbol: 'ES',
  price: 6000,
  volume: 1,
  bid: 5999.75,
  ask: 6000.25,
  timestamp: '2026-11-22T14:30:00.000Z',
  ...over,
});

export const anAlertFired = (over: Partial<AlertFired> = {}): AlertFired => ({
  alert_id: 7,
  rule_id: 1,
  rule_name: 'ES breakout',
  instrument_id: 1,
  symbol: 'ES',
  trigger_value: 6101,
  threshold_value: 6100,
  condition: 'above',
  priority: 'normal',
  sound: true,
  message: 'ES is above 6100 at 6101',
  timestamp: '2026-11-22T14:30:00.000Z',
  evaluation_time_ms: 0.02,
  ...over,
});

export const anAlertLog = (over: Partial<AlertLog> = {}): AlertLog => ({
  id: 3,
  timestamp: '2026-11-22T14:00:00.000Z',
  rule_id: 1,
  rule_version: 1,
  rule_name: 'ES breakout',
  instrument_id: 1,
  instrument_symbol: 'ES',
  trigger_value: 6101,
  threshold_value: 6100,
  fired_status: 'fired',
  delivery_status: 'in_app_sent',
  rule_condition: 'above',
  rule_type: 'threshold',
  evaluation_time_ms: 0.02,
  alert_message: 'ES is above 6100 at 6101',
  ...over,
});

export const aHealth = (over: Partial<HealthResponse> = {}): HealthResponse => ({
  status: 'healthy',
  ingestion_active: true,
  last_tick: '2026-11-22T14:30:00.000Z',
  api_connected: true,
  active_instruments: 12,
  total_rules: 3,
  last_alert: null,
  version: '0.1.0',
  uptime_seconds: 60,
  ...over,
});

export const aUser = (role: Role = 'trader'): MeResponse => ({ id: 1, username: 'ann', role, via: 'session', must_change_password: false });

export const anErrorBody = (over: Partial<ErrorBody> = {}): ErrorBody => ({
  status_code: 400,
  error: 'Bad Request',
  code: 'BAD_REQUEST',
  message: 'Bad request',
  detail: 'Bad request',
  correlation_id: 'test',
  ...over,
});

export const aTemplate = (over: Partial<RuleTemplate> = {}): RuleTemplate => ({
  id: 'builtin:rsi-overbought',
  name: 'RSI overbought',
  description: 'RSI(14) on 1-minute bars goes above 70.',
  builtin: true,
  symbol: null,
  owner: null,
  body: {
    rule_type: 'threshold',
    condition: 'above',
    threshold: 70,
    name: 'RSI(14) overbought',
    cooldown_seconds: 60,
    subject: { kind: 'rsi', period: 14 },
    rearm: { by: 0.2, unit: 'percent' },
    message_template: '{{symbol}} RSI(14) is {{subject}}',
  },
  ...over,
});

export const aBacktestJob = (over: Partial<BacktestJob> = {}): BacktestJob => ({
  id: 'job-1',
  status: 'running',
  progress: 0,
  ticks_total: 40,
  ticks_done: 0,
  from: '2026-11-24T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  started_at: '2026-12-01T00:00:00.000Z',
  finished_at: null,
  error: null,
  result: { total_firings: 0, per_day: {}, firings: [], truncated: false, price_path: [] },
  ...over,
});

export const anInboxItem = (over: Partial<InboxItem> = {}): InboxItem => ({
  id: 11,
  alert_id: 7,
  system_event_id: null,
  priority: 'normal',
  title: 'ES · ES breakout',
  body: 'ES is above 6100 at 6101',
  created_at: '2026-11-22T14:30:00.000Z',
  read: false,
  acknowledged_at: null,
  snoozed_until: null,
  archived: false,
  ...over,
});

export const aNotificationRecord = (over: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id: 21,
  alert_id: 7,
  system_event_id: null,
  channel: 'slack',
  recipient_id: 1,
  idempotency_key: 'alert-7-slack-1',
  status: 'sent',
  attempts: 1,
  next_attempt_at: '2026-11-22T14:30:00.000Z',
  last_error: null,
  created_at: '2026-11-22T14:30:00.000Z',
  sent_at: '2026-11-22T14:30:00.250Z',
  silent: false,
  digest_key: null,
  history: [{ at: '2026-11-22T14:30:00.250Z', ok: true, status_code: 200, latency_ms: 250, error: null }],
  ...over,
});

export const somePreferences = (over: Partial<NotificationPreferences> = {}): NotificationPreferences => ({
  default_channels: ['in_app', 'sound'],
  channels: {},
  quiet_hours: null,
  ...over,
});

/** The webhook as the channel settings list shows it: a secret set, an editable URL, one custom header. */
export const someChannelSettings = (over: Partial<ChannelSettings> = {}): ChannelSettings => ({
  channel: 'webhook',
  enabled: true,
  unavailable: null,
  fields: [
    {
      key: 'url',
      label: 'URL',
      description: 'Where alerts are POSTed.',
      env: 'WEBHOOK_URL',
      secret: false,
      editable: true,
      value: 'https://hooks.example.com/ta',
      set: true,
    },
    {
      key: 'secret',
      label: 'Signing secret',
      description: 'HMAC-SHA256 signing key.',
      env: 'WEBHOOK_SECRET',
      secret: true,
      editable: false,
      value: null,
      set: true,
    },
  ],
  headers: { 'X-Team': 'desk' },
  template: null,
  default_template: '{{symbol}} {{condition}} {{threshold}} at {{value}}',
  variables: ['symbol', 'condition', 'threshold', 'value', 'priority', 'rule'],
  ...over,
});

/** The instruments the rule editor specs offer: ES, an inactive one, and TICK (which a template suggests). */
export const editorInstruments = (): Instrument[] => [
  anInstrument(),
  anInstrument({ id: 2, symbol: 'OLD', name: 'Retired', status: 'inactive' }),
  anInstrument({ id: 3, symbol: 'TICK', name: 'NYSE TICK', type: 'index' }),
];

/** A template about one instrument: the editor takes the instrument it suggests. */
export const aTickTemplate = (): RuleTemplate =>
  aTemplate({
    id: 'builtin:tick-extreme-high',
    name: 'TICK extreme +1000',
    symbol: 'TICK',
    body: { rule_type: 'threshold', condition: 'above', threshold: 1000, name: 'TICK above +1000', priority: 'high' },
  });
