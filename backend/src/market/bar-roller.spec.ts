import { BarRoller } from './bar-roller';

const T0 = Date.parse('2026-11-22T14:30:00Z');

describe('BarRoller', () => {
  it('rolls ticks into one-minute OHLCV deltas per instrument', () => {
    const bars = new BarRoller();
    bars.add(1, T0 + 1_000, 10, 2, true);
    bars.add(1, T0 + 20_000, 12, 1, true);
    bars.add(1, T0 + 40_000, 9, 3, true);
    bars.add(1, T0 + 60_000, 11, 1, true);
    bars.add(2, T0 + 5_000, 100, 0, true);
    expect(bars.drain()).toEqual([
      { instrumentId: 1, startTs: T0, open: 10, high: 12, low: 9, close: 9, volume: 6, tickCount: 3 },
      { instrumentId: 1, startTs: T0 + 60_000, open: 11, high: 11, low: 11, close: 11, volume: 1, tickCount: 1 },
      { instrumentId: 2, startTs: T0, open: 100, high: 100, low: 100, close: 100, volume: 0, tickCount: 1 },
    ]);
    expect(bars.size).toBe(0);
  });

  it('lets late ticks widen the range and volume but not move the close', () => {
    const bars = new BarRoller();
    bars.add(1, T0 + 30_000, 10, 1, true);
    bars.add(1, T0 + 10_000, 15, 4, false);
    expect(bars.drain()).toEqual([{ instrumentId: 1, startTs: T0, open: 10, high: 15, low: 10, close: 10, volume: 5, tickCount: 2 }]);
    bars.add(1, T0 + 5_000, 8, 1, false);
    expect(bars.drain()[0]?.close).toBeNull();
  });

  it('forgets a deleted instrument and keeps the others', () => {
    const bars = new BarRoller();
    bars.add(1, T0, 10, 1, true);
    bars.add(2, T0, 20, 1, true);
    bars.forget(1);
    expect(bars.drain().map((d) => d.instrumentId)).toEqual([2]);
  });

  it('restores a failed write ahead of what arrived since, as one delta', () => {
    const bars = new BarRoller();
    bars.add(1, T0 + 1_000, 10, 2, true);
    bars.add(1, T0 + 2_000, 14, 1, true);
    const failed = bars.drain();
    bars.add(1, T0 + 3_000, 9, 5, true);
    bars.add(2, T0 + 3_000, 50, 1, true);
    bars.restore(failed);
    expect(bars.drain()).toEqual([
      { instrumentId: 1, startTs: T0, open: 10, high: 14, low: 9, close: 9, volume: 8, tickCount: 3 },
      { instrumentId: 2, startTs: T0, open: 50, high: 50, low: 50, close: 50, volume: 1, tickCount: 1 },
    ]);
    bars.restore([{ instrumentId: 3, startTs: T0, open: 1, high: 1, low: 1, close: 1, volume: 1, tickCount: 1 }]);
    expect(bars.drain()).toHaveLength(1);
  });

  it('places ticks before the epoch in the right minute', () => {
    const bars = new BarRoller();
    bars.add(1, -1, 1, 0, true);
    expect(bars.drain()[0]?.startTs).toBe(-60_000);
  });
});
