import Handlebars from 'handlebars';
import type { AlertDetail, AlertPriority, NotificationChannel } from '@tradeassist/shared-types';
import type { ActionLinks } from './notification-message';

/** What an alert message template may use. */
export const TEMPLATE_VARIABLES = [
  'symbol',
  'message',
  'price',
  'threshold',
  'condition',
  'rule_name',
  'rule_version',
  'priority',
  'time',
  'link',
  'acknowledge_url',
  'snooze_url',
] as const;
type TemplateContext = Record<(typeof TEMPLATE_VARIABLES)[number], string>;

export const MAX_TEMPLATE_LENGTH = 2000;

/** The built-in text per channel; the channel's own formatting (Block Kit, embed, HTML) wraps it. */
export const DEFAULT_TEMPLATES: Partial<Record<NotificationChannel, string>> = {
  slack: '*{{symbol}}* {{message}}',
  discord: '{{symbol}}: {{message}}',
  telegram: '{{symbol}} {{message}}',
  email: '{{message}}',
  sms: '{{symbol}}: {{message}}',
  webhook: '{{symbol}}: {{message}}',
};

const num = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(Number(n.toFixed(6))));

export function templateContext(
  alert: AlertDetail,
  priority: AlertPriority,
  link: string | null,
  actions: ActionLinks | null,
): TemplateContext {
  return {
    symbol: alert.instrument_symbol,
    message: alert.alert_message,
    price: num(alert.trigger_value),
    threshold: num(alert.threshold_value),
    condition: alert.rule_condition,
    rule_name: alert.rule_name ?? `Rule ${alert.rule_id}`,
    rule_version: String(alert.rule_version),
    priority,
    time: alert.timestamp,
    link: link ?? '',
    acknowledge_url: actions?.acknowledge ?? '',
    snooze_url: actions?.snooze ?? '',
  };
}

/** Thrown for a template that does not compile or names something that is not a variable. */
export class TemplateError extends Error {}

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders with strict variables (an unknown name throws instead of printing nothing), only the
 * built-in block helpers (if, unless, each, with), and no HTML escaping: each channel escapes for
 * its own format after rendering.
 */
export function renderTemplate(source: string, context: TemplateContext): string {
  let template = compiled.get(source);
  if (!template) {
    template = Handlebars.compile(source, { strict: true, noEscape: true, knownHelpersOnly: true });
    if (compiled.size > 100) compiled.clear();
    compiled.set(source, template);
  }
  try {
    return template(context).trim();
  } catch (error) {
    throw new TemplateError(describe(error));
  }
}

/** Why a template cannot be saved, or null: it is rendered once against a sample so that every mistake shows now, not at send time. */
export function templateProblem(source: string, sample: TemplateContext): string | null {
  if (source.length > MAX_TEMPLATE_LENGTH) return `must be at most ${MAX_TEMPLATE_LENGTH} characters`;
  try {
    return renderTemplate(source, sample) === '' ? 'renders to nothing; write some text or clear the template' : null;
  } catch (error) {
    return error instanceof TemplateError ? error.message : describe(error);
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const unknown = /^"([^"]+)" not defined/.exec(text);
  if (unknown) return `{{${unknown[1]}}} is not a template variable; use one of: ${TEMPLATE_VARIABLES.join(', ')}`;
  const helper = /unknown helper (\S+)/.exec(text);
  if (helper) return `{{${helper[1]} …}} is not a helper; only if, unless, each and with are available`;
  return `is not a valid template: ${text.split('\n')[0] ?? text}`;
}
