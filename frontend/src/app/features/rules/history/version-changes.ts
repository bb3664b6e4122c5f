import { operandLabel, type Operand, type RuleFields } from '@tradeassist/shared-types';

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

/** Names people use for the fields whose keys say it less plainly. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  instrument_id: 'instrument',
  rule_type: 'rule type',
  time_window_seconds: 'window (s)',
  moving_average_period: 'moving average period',
  cooldown_seconds: 'cooldown (s)',
  subject: 'compare',
  against: 'with',
  conditions: 'condition tree',
  message_template: 'message',
};

/** The order the editor shows fields in, so a change reads the same whatever order the server stored them in. */
const FIELD_ORDER = [
  'instrument_id',
  'rule_type',
  'condition',
  'threshold',
  'subject',
  'against',
  'conditions',
  'time_window_seconds',
  'cooldown_seconds',
  'moving_average_period',
  'trigger_mode',
  'bar_interval',
  'price_source',
  'rearm',
  'session',
  'expires_at',
  'name',
  'description',
  'priority',
  'channels',
  'sound',
  'message_template',
  'active',
];

const OPERAND_FIELDS = new Set(['subject', 'against']);

/** A field's value as one short line: operands by their label, instruments by symbol, other objects as compact JSON. */
function show(field: string, value: unknown, symbolOf: (id: number) => string | null): string {
  if (value === null || value === undefined) return '—';
  if (field === 'instrument_id' && typeof value === 'number') return symbolOf(value) ?? `#${value}`;
  if (OPERAND_FIELDS.has(field)) return operandLabel(value as Operand);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What one version changed compared with the one before it, in the editor's order (fields it does not know last). */
export function versionChanges(
  before: RuleFields | null,
  after: RuleFields,
  symbolOf: (id: number) => string | null = () => null,
): FieldChange[] {
  if (!before) return [];
  const old = before as unknown as Record<string, unknown>;
  const now = after as unknown as Record<string, unknown>;
  const fields = [...new Set([...FIELD_ORDER, ...Object.keys(now), ...Object.keys(old)])];
  return fields
    .filter((f) => JSON.stringify(old[f] ?? null) !== JSON.stringify(now[f] ?? null))
    .map((f) => ({ field: FIELD_NAMES[f] ?? f.replaceAll('_', ' '), from: show(f, old[f], symbolOf), to: show(f, now[f], symbolOf) }));
}
