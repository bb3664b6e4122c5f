import type { TickUpdate } from '@tradeassist/shared-types';
import { TickConflator } from './tick-conflator';

const tick = (symbol: string, price: number): TickUpdate => ({
  instrument_id: 1,
  symbol,
  price,
  volume: 1,
  bid: null,
  ask: null,
  timestamp: '',
});

describe('TickConflator', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends at most N per second per instrument and always ends on the latest price', () => {
    const sent: TickUpdate[] = [];
    const c = new TickConflator(
      2,
      (t) => sent.push(t),
      () => Date.now(),
    );
    for (let i = 1; i <= 50; i++) c.offer(tick('ES', i));
    expect(sent.map((t) => t.price)).toEqual([1]);
    jest.advanceTimersByTime(500);
    expect(sent.map((t) => t.price)).toEqual([1, 50]);
    jest.advanceTimersByTime(2000);
    expect(sent).toHaveLength(2);
  });

  it('keeps instruments independent', () => {
    const sent: string[] = [];
    const c = new TickConflator(
      1,
      (t) => sent.push(`${t.symbol}${t.price}`),
      () => Date.now(),
    );
    c.offer(tick('ES', 1));
    c.offer(tick('NQ', 1));
    c.offer(tick('ES', 2));
    expect(sent).toEqual(['ES1', 'NQ1']);
    jest.advanceTimersByTime(1000);
    expect(sent).toEqual(['ES1', 'NQ1', 'ES2']);
    c.stop();
  });
});
