/** Prices keep the precision they came with (up to 6 places), with thousands separators. */
export function formatPrice(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const decimals = Math.min(6, (String(value).split('.')[1] ?? '').length);
  return value.toLocaleString('en-US', { minimumFractionDigits: Math.max(2, decimals), maximumFractionDigits: Math.max(2, decimals) });
}

export function formatSigned(value: number, decimals = 2): string {
  return `${value > 0 ? '+' : ''}${value.toFixed(decimals)}`;
}

export function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) : '—';
}
