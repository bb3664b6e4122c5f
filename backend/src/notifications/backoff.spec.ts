import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles from one second with jitter between half and all of it, capped at five minutes', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 0, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 0, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(20, 0, () => 1)).toBe(300_000);
  });

  it("never retries before the provider's Retry-After", () => {
    expect(retryDelayMs(1, 30_000, () => 1)).toBe(30_000);
    expect(retryDelayMs(10, 30_000, () => 1)).toBe(300_000);
  });
});
