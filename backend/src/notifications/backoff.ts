const BASE_MS = 1_000;
const CAP_MS = 5 * 60_000;

/**
 * When to try again after a failed attempt (1-based): exponential from one second, capped at five
 * minutes, with jitter (half to all of it) so retries of a burst spread out; never before the
 * provider's Retry-After.
 */
export function retryDelayMs(attempt: number, retryAfterMs = 0, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1));
  return Math.max(retryAfterMs, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}
