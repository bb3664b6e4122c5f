/**
 * A per-channel send budget: `perMinute` sends a minute, in bursts of up to `capacity`. A send
 * over budget waits (its row is simply due later); nothing is dropped.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly perMinute: number,
    readonly capacity: number,
    now = Date.now(),
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes a token if one is there; otherwise says how many ms until one is. */
  take(now = Date.now()): { ok: true } | { ok: false; waitMs: number } {
    const perMs = this.perMinute / 60_000;
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * perMs);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, waitMs: Math.ceil((1 - this.tokens) / perMs) };
  }
}

/** "slack=60,sms=10": sends per minute by channel. */
export function parseRateLimits(spec: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [channel, rate] = part.split('=');
    out.set((channel ?? '').trim(), Number(rate));
  }
  return out;
}
