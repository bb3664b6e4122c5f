/** ISO-8601 UTC with a Z, as the contract wants; null stays null. */
export function toIso(value: Date | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value).toISOString();
}
