import { Bollinger, Ema, Macd, Rsi, Sma } from '.';
import reference from './fixtures/ta-lib-reference.json';

type Series = (typeof reference.series)['es'];
type Values = (number | null)[];

/** Relative difference, with an absolute floor near zero (MACD and TICK cross it). */
function within(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** Feeds the series one price at a time; every value TA-Lib defines must match, and none before it. */
function expectMatches(prices: number[], expected: Values, step: (price: number) => number): void {
  const mismatches: string[] = [];
  prices.forEach((price, i) => {
    const actual = step(price);
    const want = expected[i];
    if (want === null || want === undefined) {
      if (!Number.isNaN(actual)) mismatches.push(`#${i}: expected no value yet, got ${actual}`);
    } else if (!within(actual, want)) {
      mismatches.push(`#${i}: expected ${want}, got ${actual}`);
    }
  });
  expect(mismatches).toEqual([]);
  expect(expected.filter((v) => v !== null).length).toBeGreaterThan(prices.length / 2);
}

const SERIES = Object.entries(reference.series) as [string, Series][];

describe('indicators match TA-Lib to 1e-9 relative, tick by tick', () => {
  describe.each(SERIES)('%s', (_name, s) => {
    it('SMA(20)', () => {
      const sma = new Sma(20);
      expectMatches(s.prices, s.sma_20, (p) => sma.update(p));
    });

    it('EMA(20) and EMA(9), seeded by the simple average', () => {
      const ema20 = new Ema(20);
      const ema9 = new Ema(9);
      expectMatches(s.prices, s.ema_20, (p) => ema20.update(p));
      expectMatches(s.prices, s.ema_9, (p) => ema9.update(p));
    });

    it("RSI(14), Wilder's smoothing", () => {
      const rsi = new Rsi(14);
      expectMatches(s.prices, s.rsi_14, (p) => rsi.update(p));
    });

    it('MACD(12, 26, 9): line, signal and histogram', () => {
      const macd = new Macd(12, 26, 9);
      const line: number[] = [];
      const signal: number[] = [];
      const histogram: number[] = [];
      for (const p of s.prices) {
        macd.update(p);
        line.push(macd.macd);
        signal.push(macd.signal);
        histogram.push(macd.histogram);
      }
      // TA-Lib reports the three together from the signal's first value; the line exists 8 prices earlier.
      const from = s.macd_12_26_9.outMACD.findIndex((v) => v !== null);
      expect(from).toBe(33);
      expect(line.slice(0, 25).every(Number.isNaN)).toBe(true);
      expect(line.slice(25).every(Number.isFinite)).toBe(true);
      let i = 0;
      expectMatches(s.prices.slice(from), s.macd_12_26_9.outMACD.slice(from), () => line[from + i++] as number);
      i = 0;
      expectMatches(s.prices.slice(from), s.macd_12_26_9.outMACDSignal.slice(from), () => signal[from + i++] as number);
      i = 0;
      expectMatches(s.prices.slice(from), s.macd_12_26_9.outMACDHist.slice(from), () => histogram[from + i++] as number);
    });

    it('Bollinger(20, 2) with the population standard deviation', () => {
      const bands = new Bollinger(20, 2);
      const upper: number[] = [];
      const lower: number[] = [];
      expectMatches(s.prices, s.bbands_20_2.outRealMiddleBand, (p) => {
        bands.update(p);
        upper.push(bands.upper);
        lower.push(bands.lower);
        return bands.middle;
      });
      let i = 0;
      expectMatches(s.prices, s.bbands_20_2.outRealUpperBand, () => upper[i++] as number);
      i = 0;
      expectMatches(s.prices, s.bbands_20_2.outRealLowerBand, () => lower[i++] as number);
    });
  });
});

describe('indicator edge cases', () => {
  it('RSI is 0 on a price that never moved (TA-Lib), 100 on one that only rose', () => {
    const flat = new Rsi(3);
    const rising = new Rsi(3);
    for (const p of [5, 5, 5, 5, 5]) flat.update(p);
    for (const p of [1, 2, 3, 4, 5]) rising.update(p);
    expect(flat.value).toBe(0);
    expect(rising.value).toBe(100);
  });

  it('Bollinger bands collapse onto the average when the window is flat, without a negative variance', () => {
    const bands = new Bollinger(4, 2);
    for (const p of [6000.25, 6000.25, 6000.25, 6000.25, 6000.25, 6000.25]) bands.update(p);
    expect([bands.lower, bands.middle, bands.upper]).toEqual([6000.25, 6000.25, 6000.25]);
  });

  it('stays exact over a long run (no drift from the running sums)', () => {
    const sma = new Sma(50);
    const bands = new Bollinger(50, 2);
    let p = 6000;
    const last: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      p += Math.sin(i * 0.37) * 1.75;
      sma.update(p);
      bands.update(p);
      last.push(p);
      if (last.length > 50) last.shift();
    }
    const mean = last.reduce((a, b) => a + b, 0) / 50;
    const sd = Math.sqrt(last.reduce((a, b) => a + (b - mean) ** 2, 0) / 50);
    expect(within(sma.value, mean)).toBe(true);
    expect(within(bands.upper - bands.middle, 2 * sd)).toBe(true);
  });

  it('refuses periods that make no sense', () => {
    expect(() => new Sma(0)).toThrow('period must be a whole number ≥ 1, got 0');
    expect(() => new Ema(2.5)).toThrow('period must be a whole number ≥ 1, got 2.5');
    expect(() => new Rsi(1)).toThrow('period must be a whole number ≥ 2, got 1');
    expect(() => new Macd(26, 12)).toThrow('the fast period (26) must be shorter than the slow one (12)');
    expect(() => new Bollinger(20, 0)).toThrow('k must be positive, got 0');
  });
});

describe('peek: the value a forming bar would give, without changing the state', () => {
  const same = (a: number, b: number): boolean => (Number.isNaN(a) && Number.isNaN(b)) || a === b || within(a, b);

  it.each(SERIES)('%s: peek(x) equals what update(x) then gives, and leaves the state alone', (_name, s) => {
    const sma = new Sma(20);
    const ema = new Ema(9);
    const rsi = new Rsi(14);
    const macd = new Macd(12, 26, 9);
    const bands = new Bollinger(20, 2);
    const bad: string[] = [];
    s.prices.forEach((p, i) => {
      // Peek twice, at another price first: a peek must not leave anything behind.
      sma.peek(p + 1);
      rsi.peek(p - 1);
      macd.peek(p * 2);
      bands.peek(0);
      const peeked = [
        sma.peek(p),
        ema.peek(p),
        rsi.peek(p),
        macd.peek(p).macd,
        macd.peek(p).signal,
        macd.peek(p).histogram,
        bands.peek(p).upper,
        bands.peek(p).lower,
      ];
      sma.update(p);
      ema.update(p);
      rsi.update(p);
      macd.update(p);
      bands.update(p);
      const updated = [sma.value, ema.value, rsi.value, macd.macd, macd.signal, macd.histogram, bands.upper, bands.lower];
      peeked.forEach((v, k) => {
        if (!same(v, updated[k] as number)) bad.push(`#${i} value ${k}: peek ${v}, update ${updated[k]}`);
      });
    });
    expect(bad).toEqual([]);
  });
});
