import { operandLabel, type AlertRule, type RuleType } from '@tradeassist/shared-types';
import { CONDITION_LABELS, RULE_TYPE_LABELS } from './rule-labels';

export const RULE_STATUS_FILTERS = ['all', 'active', 'inactive'] as const;
export type RuleStatusFilter = (typeof RULE_STATUS_FILTERS)[number];

export const SORTABLE_COLUMNS = ['name', 'symbol', 'type', 'threshold', 'cooldown', 'active', 'last', 'fires', 'version', 'owner'] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];

export interface RuleSort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

export interface RuleViewQuery {
  text: string;
  type: RuleType | 'all';
  status: RuleStatusFilter;
  sort: RuleSort | null;
}

export const DEFAULT_RULE_VIEW: RuleViewQuery = { text: '', type: 'all', status: 'all', sort: null };

/** The words a trader might search a rule by: name, description, symbol, type, condition, indicators. */
function searchWords(r: AlertRule): string[] {
  return [
    r.name,
    r.description,
    r.instrument_symbol,
    RULE_TYPE_LABELS[r.rule_type],
    CONDITION_LABELS[r.condition],
    r.subject && operandLabel(r.subject),
    r.against && operandLabel(r.against),
    r.owner,
  ]
    .filter((s): s is string => !!s)
    .join(' ')
    .toLowerCase()
    .split(/\s+/);
}

function matchesAll(words: readonly string[], terms: readonly string[]): boolean {
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}

type SortKey = string | number | boolean | null;
const SORT_KEYS: Readonly<Record<SortColumn, (r: AlertRule) => SortKey>> = {
  name: (r) => r.name?.toLowerCase() ?? null,
  symbol: (r) => r.instrument_symbol,
  type: (r) => RULE_TYPE_LABELS[r.rule_type],
  threshold: (r) => r.threshold,
  cooldown: (r) => r.cooldown_seconds,
  active: (r) => r.active,
  last: (r) => r.last_triggered,
  fires: (r) => r.fires_today,
  version: (r) => r.version,
  owner: (r) => r.owner?.toLowerCase() ?? null,
};

/** Blanks (never fired, unnamed) go last whichever way the column is sorted. */
function compare(a: SortKey, b: SortKey, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * direction;
}

/**
 * The rules the table shows: filtered by the chosen type and status and by every term of the search, then sorted.
 * A term matches the start of a word, so "es" finds ES rules, not every "threshold".
 */
export function viewRules(rules: readonly AlertRule[], q: RuleViewQuery): AlertRule[] {
  const terms = q.text.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = rules.filter(
    (r) =>
      (q.type === 'all' || r.rule_type === q.type) &&
      (q.status === 'all' || r.active === (q.status === 'active')) &&
      (terms.length === 0 || matchesAll(searchWords(r), terms)),
  );
  const sort = q.sort;
  if (!sort) return shown;
  const key = SORT_KEYS[sort.column];
  const direction = sort.direction === 'asc' ? 1 : -1;
  return shown.sort((a, b) => compare(key(a), key(b), direction) || a.id - b.id);
}

const DAY_MS = 86_400_000;

/** Milliseconds until the next 00:00 UTC, when every "fires today" starts again from zero. */
export function msUntilUtcMidnight(now = Date.now()): number {
  return DAY_MS - (now % DAY_MS);
}

/**
 * A rule after one more alert: the server counts today's from 00:00 UTC in tick time, so an alert
 * stamped before that (a replayed feed) moves "last fired" only.
 */
export function afterFiring(rule: AlertRule, timestamp: string, now = Date.now()): AlertRule {
  const today = now - (now % DAY_MS);
  return { ...rule, last_triggered: timestamp, fires_today: rule.fires_today + (Date.parse(timestamp) >= today ? 1 : 0) };
}
