import type { TickUpdate } from '@tradeassist/shared-types';
import { TickConflator } from './tick-conflator';

const tick = (symbol: string, price: number): TickUpdate => ({
  instrument_id: 1,
  symbol,
  price,
  volume: 1,
  bid: null,
  ask: null,
  timestamp: '2026-01-15T14:30:00.000Z',
});

describe('TickConflator', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets the first tick through and sends the latest of a burst when the window reopens', () => {
    const sent: number[] = [];
    const c = new TickConflator(2, (t) => sent.push(t.price));
    for (let i = 1; i <= 50; i++) c.offer(tick('ES', i));
    expect(sent).toEqual([1]);
    jest.advanceTimersByTime(499);
    expect(sent).toEqual([1]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([1, 50]);
    jest.advanceTimersByTime(5000);
    expect(sent).toEqual([1, 50]);
  });

  it('never exceeds N in any one-second window of a steady stream, and ends on the final price', () => {
    const sends: { at: number; price: number }[] = [];
    const c = new TickConflator(3, (t) => sends.push({ at: Date.now(), price: t.price }));
    const start = Date.now();
    // 100 ticks a second for 3 seconds.
    for (let i = 1; i <= 300; i++) {
      c.offer(tick('NQ', i));
      jest.advanceTimersByTime(10);
    }
    jest.advanceTimersByTime(1000);
    for (const s of sends) {
      const inWindow = sends.filter((o) => o.at >= s.at && o.at < s.at + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(3);
    }
    expect(sends.length).toBeGreaterThanOrEqual(9);
    expect(sends.at(-1)?.price).toBe(300);
    expect(sends[0]).toEqual({ at: start, price: 1 });
  });

  it('keeps instruments independent', () => {
    const sent: string[] = [];
    const c = new TickConflator(1, (t) => sent.push(`${t.symbol}${t.price}`));
    c.offer(tick('ES', 1));
    c.offer(tick('NQ', 1));
    c.offer(tick('ES', 2));
    expect(sent).toEqual(['ES1', 'NQ1']);
    jest.advanceTimersByTime(1000);
    expect(sent).toEqual(['ES1', 'NQ1', 'ES2']);
  });

  it('sends nothing more once stopped', () => {
    const sent: number[] = [];
    const c = new TickConflator(1, (t) => sent.push(t.price));
    c.offer(tick('ES', 1));
    c.offer(tick('ES', 2));
    c.stop();
    jest.advanceTimersByTime(5000);
    expect(sent).toEqual([1]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
