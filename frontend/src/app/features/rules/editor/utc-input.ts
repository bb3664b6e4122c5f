/** The console shows times in UTC, so datetime-local inputs are read and written as UTC too. */
export function isoToUtcInput(iso: string | null): string {
  return iso ? new Date(iso).toISOString().slice(0, 16) : '';
}

/** '2026-12-01T09:30' (UTC) → ISO; null for a blank or unreadable input. */
export function utcInputToIso(value: string): string | null {
  if (!value) return null;
  const ms = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
