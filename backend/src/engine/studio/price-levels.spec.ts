import type { Operand, RuleCondition } from '@tradeassist/shared-types';
import { seededRandom, T0 } from '../test-support';
import { IndicatorSeries, seriesKey } from './indicator-series';
import { LevelCondition } from './level-condition';
import { Side, type SideKind } from './price-levels';
import { StudioInstrument } from './studio-instrument';
import { TickTable } from './tick-table';
import type { StudioRule } from './studio-rule';

const MIN = 60_000;
const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);

/** The next double after x, towards +∞ (dir 1) or −∞ (dir −1); x finite and non-zero. */
function nextAfter(x: number, dir: number): number {
  bits[0] = x;
  word[0] = (word[0] as bigint) + (x > 0 === dir > 0 ? 1n : -1n);
  return bits[0];
}

type Rand = () => number;

/** A comparison (on 1-minute bars of the last price) over series fed `closes` bar closes. */
function comparison(subject: Operand | null, against: Operand | null, threshold: number, closes: number[]): LevelCondition {
  const s = new StudioInstrument(new TickTable(), 1);
  for (const o of [subject, against]) {
    if (!o) continue;
    const series = new IndicatorSeries(o, MIN, 'last');
    closes.forEach((c, i) => series.advance(T0 + i * MIN, c, 1));
    s.series.set(seriesKey(o, MIN, 'last'), series);
  }
  // Into the instrument's block, where the condition's row points (as setRules does).
  s.pack();
  // The rule is only asked whether it is quiet, which solving never does.
  const level = new LevelCondition({ subject, against, threshold, barMs: MIN, source: 'last' }, 'crosses_above', {} as StudioRule, false);
  level.bind(s);
  return level;
}

function exactSide(c: LevelCondition, price: number): SideKind {
  c.readAt(price);
  return c.subject > c.against ? Side.above : c.subject < c.against ? Side.below : c.subject === c.against ? Side.level : Side.unknown;
}

/** Prices of a region worth checking: its ends, doubles next to its inner end, points near it (relative 1e-16…1e-6), and spread over it. */
function samples(rand: Rand, from: number, to: number, inner: number): number[] {
  if (!(from <= to)) return [];
  const out = [from, to];
  const inward = inner === to ? -1 : 1;
  let p = inner;
  for (let i = 0; i < 64 && p >= from && p <= to; i++, p = nextAfter(p, inward)) out.push(p);
  for (let i = 0; i < 100; i++) out.push(inner + inward * Math.abs(inner) * 10 ** (-16 + rand() * 10));
  for (let i = 0; i < 100; i++) out.push(from + rand() * (to - from));
  return out.filter((x) => x >= from && x <= to && Number.isFinite(x));
}

/** A random walk of closes at a scale, sometimes on a coarse grid, sometimes flat for a while. */
function closes(rand: Rand, n: number, scale: number, flat: boolean): number[] {
  const out: number[] = [];
  let p = scale;
  for (let i = 0; i < n; i++) {
    if (!flat || i < n / 2) p = Math.max(scale * 0.1, p * (1 + (rand() - 0.5) * 0.01));
    out.push(rand() < 0.3 ? Math.round(p * 4) / 4 : p);
  }
  return out;
}

interface Case {
  name: string;
  subject: Operand | null;
  against: Operand | null;
  threshold: (price: number) => number;
}

const sma = (period: number): Operand => ({ kind: 'sma', period });
const ema = (period: number): Operand => ({ kind: 'ema', period });
const rsi = (period: number): Operand => ({ kind: 'rsi', period });
const macd = (line: 'macd' | 'signal' | 'histogram'): Operand => ({ kind: 'macd', line, fast: 12, slow: 26, signal: 9 });
const bands = (band: 'upper' | 'middle' | 'lower', period: number, k: number): Operand => ({ kind: 'bollinger', band, period, k });

const CASES: Case[] = [
  { name: 'price vs SMA(20)', subject: null, against: sma(20), threshold: () => 0 },
  { name: 'price vs EMA(50)', subject: null, against: ema(50), threshold: () => 0 },
  { name: 'price vs Bollinger(20, 2) upper', subject: null, against: bands('upper', 20, 2), threshold: () => 0 },
  { name: 'price vs Bollinger(5, 1.5) lower', subject: null, against: bands('lower', 5, 1.5), threshold: () => 0 },
  {
    name: 'Bollinger(20, 2) middle vs a level near the price',
    subject: bands('middle', 20, 2),
    against: null,
    threshold: (p) => p * 0.999,
  },
  { name: 'RSI(14) vs 70', subject: rsi(14), against: null, threshold: () => 70 },
  { name: 'RSI(3) vs 30', subject: rsi(3), against: null, threshold: () => 30 },
  { name: 'MACD histogram vs 0', subject: macd('histogram'), against: null, threshold: () => 0 },
  { name: 'MACD line vs its signal', subject: macd('macd'), against: macd('signal'), threshold: () => 0 },
  { name: 'SMA(5) vs SMA(20)', subject: sma(5), against: sma(20), threshold: () => 0 },
  { name: 'EMA(9) vs a level near the price', subject: ema(9), against: null, threshold: (p) => p * 1.001 },
];

describe('price regions: every price inside one reads the side the region says', () => {
  it.each(CASES)('$name', ({ subject, against, threshold }) => {
    const rand = seededRandom(7);
    const wrong: string[] = [];
    let solved = 0;
    let tight = 0;
    for (let trial = 0; trial < 150; trial++) {
      const scale = [0.0123, 1.5, 97.3, 6021.25, 48_000][trial % 5] as number;
      const series = closes(rand, 20 + Math.floor(rand() * 60), scale, trial % 7 === 0);
      const price = (series.at(-1) as number) * (1 + (rand() - 0.5) * 0.004);
      const c = comparison(subject, against, threshold(price), series);
      c.solve(price);
      const r = c.regions();
      const regions: [number, number, SideKind, number][] = [
        [r.lowFrom, r.lowTo, r.lowSide, r.lowTo],
        [r.highFrom, r.highTo, r.highSide, r.highFrom],
      ];
      for (const [from, to, side, inner] of regions) {
        const points = from === -Infinity ? [price, price * 2, -price] : samples(rand, from, to, inner);
        for (const p of points)
          if (exactSide(c, p) !== side) wrong.push(`trial ${trial}: ${p} reads ${exactSide(c, p)}, region says ${side}`);
      }
      if ((r.lowTo >= r.lowFrom && r.lowFrom > -Infinity) || r.highTo >= r.highFrom) solved++;
      // Where the sides meet inside the range, only a sliver of prices around it is left to read exactly.
      if (r.highFrom <= r.highTo && r.lowFrom <= r.lowTo && r.highFrom - r.lowTo < Math.abs(price) * 1e-6) tight++;
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(solved).toBeGreaterThan(60);
    expect(tight).toBeGreaterThan(10);
  });

  it('too few bars: NaN at every price, one region over all of them', () => {
    const c = comparison(null, sma(20), 0, [1, 2, 3]);
    c.solve(2.5);
    const r = c.regions();
    expect([r.lowFrom, r.lowTo, r.lowSide]).toEqual([-Infinity, Infinity, Side.unknown]);
    expect(exactSide(c, 1e9)).toBe(Side.unknown);
  });

  it('no shape to rely on (RSI against an average, a band wider than √(n−1)): no region, every price read', () => {
    const rand = seededRandom(3);
    for (const [subject, against] of [
      [rsi(3), sma(3)],
      [null, bands('upper', 5, 2.5)],
    ] as [Operand | null, Operand][]) {
      const c = comparison(subject, against, 0, closes(rand, 40, 100, false));
      c.solve(100);
      const r = c.regions();
      expect([r.lowFrom > r.lowTo, r.highFrom > r.highTo]).toEqual([true, true]);
    }
  });
});

describe('a crossing keeps only whether its last reading was on the starting side', () => {
  it.each<[RuleCondition, SideKind[], boolean[]]>([
    [
      'crosses_above',
      [Side.below, Side.above, Side.above, Side.level, Side.above, Side.unknown, Side.above],
      [false, true, false, false, true, false, false],
    ],
    ['crosses_below', [Side.above, Side.below, Side.level, Side.below, Side.unknown, Side.below], [false, true, false, true, false, false]],
    ['above', [Side.above, Side.level, Side.above, Side.unknown], [true, false, true, false]],
    ['below', [Side.below, Side.above, Side.below], [true, false, true]],
  ])('%s', (condition, sides, holds) => {
    const level = new LevelCondition(
      { subject: rsi(2), against: null, threshold: 50, barMs: MIN, source: 'last' },
      condition,
      {} as StudioRule,
      false,
    );
    expect(sides.map((side) => level.step(side))).toEqual(holds);
  });
});
