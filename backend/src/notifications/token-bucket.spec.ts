import { parseRateLimits, TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst up to capacity, then one send per 60/perMinute seconds', () => {
    const bucket = new TokenBucket(60, 2, 0);
    expect(bucket.take(0)).toEqual({ ok: true });
    expect(bucket.take(0)).toEqual({ ok: true });
    expect(bucket.take(0)).toEqual({ ok: false, waitMs: 1000 });
    expect(bucket.take(400)).toEqual({ ok: false, waitMs: 600 });
    expect(bucket.take(1000)).toEqual({ ok: true });
    // Refills no further than capacity however long it waits.
    expect([bucket.take(60_000), bucket.take(60_000), bucket.take(60_000).ok]).toEqual([{ ok: true }, { ok: true }, false]);
  });

  it('reads the per-channel limits', () => {
    expect([...parseRateLimits('slack=60, sms=10,,discord=30')]).toEqual([
      ['slack', 60],
      ['sms', 10],
      ['discord', 30],
    ]);
  });
});
