import { FeedFreshness } from './feed-freshness';

describe('FeedFreshness', () => {
  it('counts ticks over the last minute and forgets older seconds', () => {
    const f = new FeedFreshness();
    const t0 = 1_000_000_000;
    f.record(5, 10, t0);
    f.record(3, 20, t0 + 30_000);
    expect(f.ticksLastMinute(t0 + 30_000)).toBe(8);
    expect(f.ticksLastMinute(t0 + 61_000)).toBe(3);
    expect(f.ticksLastMinute(t0 + 200_000)).toBe(0);
  });

  it('reports staleness in wall time and the newest event time', () => {
    const f = new FeedFreshness();
    expect(f.stalenessSeconds(5)).toBeNull();
    f.record(1, 500, 1_000);
    f.record(1, 400, 2_000);
    expect(f.stalenessSeconds(4_500)).toBe(2.5);
    expect(f.lastTickTs()).toBe(500);
  });
});
