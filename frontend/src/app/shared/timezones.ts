/** Where traders most often mean, offered first and used where the browser cannot list its zones. */
const COMMON_ZONES = [
  'America/New_York',
  'America/Chicago',
  'Europe/London',
  'Europe/Frankfurt',
  'Europe/Paris',
  'Asia/Tokyo',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Australia/Sydney',
  'UTC',
];

function allZones(): readonly string[] {
  const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  const listed = intl.supportedValuesOf?.('timeZone') ?? [];
  return [...new Set([...COMMON_ZONES, ...listed])];
}

let zones: readonly string[] | null = null;

/** IANA names containing what was typed (any case, spaces as underscores), common ones first. */
export function timezoneSuggestions(typed: string, limit = 8): string[] {
  zones ??= allZones();
  const needle = typed.trim().toLowerCase().replaceAll(' ', '_');
  return zones.filter((z) => z.toLowerCase().includes(needle)).slice(0, limit);
}

export { isTimezone } from '@tradeassist/shared-types';
