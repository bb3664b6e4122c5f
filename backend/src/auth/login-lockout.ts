/** Consecutive failures allowed before the account locks. */
export const LOCKOUT_THRESHOLD = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/**
 * Lock time after a failed login: none below the threshold, then doubling from 30 s up to 15 min,
 * so guessing slows down fast while a typo-prone user is never locked out for long.
 */
export function lockDurationMs(consecutiveFailures: number, threshold = LOCKOUT_THRESHOLD): number {
  if (consecutiveFailures < threshold) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (consecutiveFailures - threshold));
}
