import type { AlertDetail, AlertPriority, SystemEvent } from '@tradeassist/shared-types';

/** Signed links that act on an alert for its recipient without signing in. */
export interface ActionLinks {
  acknowledge: string;
  snooze: string;
}

/**
 * What one notification says, whatever it is about (an alert, a digest of alerts, a system event),
 * before a channel formats it: senders only format, they never decide content.
 */
export interface NotificationMessage {
  /** The webhook's event type. */
  event: 'alert.fired' | 'alert.digest' | `system.${SystemEvent['type']}`;
  priority: AlertPriority;
  /** One line: a subject, an embed title, the first line of a chat message. */
  title: string;
  /** The message itself: for an alert, the channel's template rendered (or the built-in text). */
  text: string;
  /** Label and value pairs (value vs threshold, rule, priority …). */
  fields: [string, string][];
  /** The time it is about (ISO). */
  timestamp: string;
  /** Back to the console. */
  link: string | null;
  actions: ActionLinks | null;
  /** The alerts it carries: one, several for a digest, none for a system event. */
  alerts: AlertDetail[];
  system: SystemEvent | null;
  /** Why several alerts come as one message. */
  digest: { count: number; window_minutes: number; reason: 'preference' | 'runaway' } | null;
}

const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(Number(n.toFixed(6))));

export function consoleLink(consoleUrl: string | undefined, path: string): string | null {
  return consoleUrl ? `${consoleUrl.replace(/\/$/, '')}${path}` : null;
}

export function alertFields(alert: AlertDetail, priority: AlertPriority): [string, string][] {
  return [
    ['Value', fmt(alert.trigger_value)],
    ['Threshold', fmt(alert.threshold_value)],
    ['Rule', `${alert.rule_name ?? `Rule ${alert.rule_id}`} (v${alert.rule_version})`],
    ['Priority', priority],
  ];
}

/** One alert; `text` is the channel's rendered template. */
export function alertMessage(
  alert: AlertDetail,
  priority: AlertPriority,
  text: string,
  consoleUrl: string | undefined,
  actions: ActionLinks | null,
): NotificationMessage {
  return {
    event: 'alert.fired',
    priority,
    title: `${alert.instrument_symbol}: ${alert.alert_message}`,
    text,
    fields: alertFields(alert, priority),
    timestamp: alert.timestamp,
    link: consoleLink(consoleUrl, `/alerts/${alert.id}`),
    actions,
    alerts: [alert],
    system: null,
    digest: null,
  };
}

/** Several alerts in one message: the user's digest window, or a rule firing so often it was switched to digests. */
export function digestMessage(
  alerts: AlertDetail[],
  priority: AlertPriority,
  digest: NonNullable<NotificationMessage['digest']>,
  consoleUrl: string | undefined,
): NotificationMessage {
  const symbols = [...new Set(alerts.map((a) => a.instrument_symbol))];
  const first = alerts[0];
  const rule = first?.rule_name ?? `Rule ${first?.rule_id ?? '?'}`;
  const why =
    digest.reason === 'runaway'
      ? `${rule} fired ${alerts.length} times in ${digest.window_minutes} min: it fires too often, so its alerts come grouped, one message every ${digest.window_minutes} min, until it calms down.`
      : `Your digest of the last ${digest.window_minutes} min.`;
  const lines = alerts.slice(0, 20).map((a) => `${a.timestamp.slice(11, 19)} ${a.instrument_symbol}: ${a.alert_message}`);
  if (alerts.length > lines.length) lines.push(`… and ${alerts.length - lines.length} more`);
  return {
    event: 'alert.digest',
    priority,
    title: `${alerts.length} alert${alerts.length === 1 ? '' : 's'} on ${symbols.slice(0, 5).join(', ')}${symbols.length > 5 ? ' …' : ''}`,
    text: [why, ...lines].join('\n'),
    fields: [
      ['Alerts', String(alerts.length)],
      ['Window', `${digest.window_minutes} min`],
      ['Highest priority', priority],
    ],
    timestamp: alerts[alerts.length - 1]?.timestamp ?? new Date().toISOString(),
    link: consoleLink(consoleUrl, '/'),
    actions: null,
    alerts,
    system: null,
    digest,
  };
}

export function systemMessage(event: SystemEvent, consoleUrl: string | undefined): NotificationMessage {
  return {
    event: `system.${event.type}`,
    priority: event.priority,
    title: `[system] ${event.title}`,
    text: event.body,
    fields: [
      ['Event', event.type],
      ['Priority', event.priority],
    ],
    timestamp: event.created_at,
    link: consoleLink(consoleUrl, event.type === 'channel_failing' ? '/deliveries' : '/'),
    actions: null,
    alerts: [],
    system: event,
    digest: null,
  };
}
