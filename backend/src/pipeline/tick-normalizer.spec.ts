import { MAX_FUTURE_SKEW_MS, normalizeBatch, normalizeTick, type InstrumentLookup } from './tick-normalizer';

const NOW = Date.parse('2026-11-22T14:30:00Z');
const instruments: InstrumentLookup = {
  findBySymbol: (s) =>
    ({ ES: { id: 1, symbol: 'ES', status: 'active' }, OLD: { id: 2, symbol: 'OLD', status: 'inactive' } })[s.toUpperCase()],
};

describe('normalizeTick', () => {
  it.each([
    [null, 'tick must be a JSON object'],
    [[1], 'tick must be a JSON object'],
    [{ price: 1 }, 'symbol is required'],
    [{ symbol: '  ', price: 1 }, 'symbol is required'],
    [{ symbol: 'zz', price: 1 }, "Unknown symbol 'ZZ'"],
    [{ symbol: 'OLD', price: 1 }, "Instrument 'OLD' is inactive; activate it to stream ticks"],
    [{ symbol: 'ES' }, 'price is required'],
    [{ symbol: 'ES', price: '1' }, 'price must be a finite number'],
    [{ symbol: 'ES', price: 1, volume: -2 }, 'volume must not be less than 0'],
    [{ symbol: 'ES', price: 1, bid: 'x' }, 'bid must be a finite number'],
    [{ symbol: 'ES', price: 1, bid: 2, ask: 1 }, 'bid must not be greater than ask'],
    [{ symbol: 'ES', price: 1, timestamp: '22/11/2026' }, 'timestamp must be an ISO-8601 date-time such as 2026-11-22T14:30:00.125Z'],
    [
      { symbol: 'ES', price: 1, timestamp: new Date(NOW + MAX_FUTURE_SKEW_MS + 1).toISOString() },
      'timestamp is more than 5 minutes in the future',
    ],
    [{ symbol: 'ES', price: 1, size: 3 }, "unknown field 'size'"],
  ])('refuses %j with a reason', (raw, reason) => {
    expect(normalizeTick(raw, instruments, NOW)).toBe(reason);
  });

  it('accepts negative prices (TICK and ADD go below zero) and defaults time and volume', () => {
    expect(normalizeTick({ symbol: 'es', price: -350 }, instruments, NOW)).toEqual({
      instrumentId: 1,
      symbol: 'ES',
      ts: NOW,
      price: -350,
      bid: null,
      ask: null,
      volume: 0,
    });
  });

  it('keeps the event time of the tick, with offsets', () => {
    const t = normalizeTick({ symbol: 'ES', price: 1, timestamp: '2026-11-22T09:30:00.125-05:00' }, instruments, NOW);
    expect(typeof t === 'object' && t.ts).toBe(Date.parse('2026-11-22T14:30:00.125Z'));
  });
});

describe('normalizeBatch', () => {
  it('splits accepted and rejected, keeping the original index', () => {
    const { ticks, rejected } = normalizeBatch(
      [
        { symbol: 'ES', price: 1 },
        { symbol: 'X', price: 1 },
        { symbol: 'ES', price: 2 },
      ],
      instruments,
      NOW,
    );
    expect(ticks.map((t) => t.price)).toEqual([1, 2]);
    expect(rejected).toEqual([{ index: 1, reason: "Unknown symbol 'X'" }]);
  });
});
