import { barStart, type Operand, type PriceSource } from '@tradeassist/shared-types';
import { operandInit, operandPeek, operandSize, operandUpdate, operandValue } from '../indicators/operand-calculator';
import { checkPeriod, wFull, wInit, windowSize, wMean, wPush } from '../indicators/window';

/**
 * Where an instrument keeps its series: one Float64Array holding, entry after entry, each
 * series' bar state and its indicator's (see the Se layout). A bar close, and solving the
 * conditions after it, then walk one stretch of memory rather than a web of objects that a
 * thousand other instruments' ticks have pushed out of the cache since. The instrument replaces
 * `m` when its rules change (see StudioInstrument.setRules); the series' views follow it.
 */
export class SeriesBlock {
  m = new Float64Array(0);
}

/** Where each number of a series entry sits, from its offset; what it holds follows at Se.body. */
export const Se = {
  barMs: 0,
  /** The forming bar's start (NaN before the first tick). */
  startMs: 1,
  /** The forming bar's last price (NaN: none yet); for a volume series, its volume so far. */
  close: 2,
  /** The instrument's tick count when the series was last fed (lazy series skip ticks between closes). */
  fedAt: 3,
  /** Lazy series: the earliest tick time that may close its forming bar (−∞: the next tick must feed it). */
  closesFrom: 4,
  /** Its price source, as a code (see SOURCE_CODE). */
  source: 5,
  type: 6,
  body: 7,
} as const;

const Type = { indicator: 0, closes: 1, volume: 2 } as const;
type TypeCode = (typeof Type)[keyof typeof Type];

export const SOURCE_CODE: Record<PriceSource, number> = { last: 0, bid: 1, ask: 2, mid: 3 };

/** The body of a close history: how many bars back it reaches, how many closes it holds, where the next goes, then a ring of bars + 1. */
const CH_BARS = 0;
const CH_COUNT = 1;
const CH_NEXT = 2;
const CH_RING = 3;

/** The body of a volume series: its factor, the last closed bar's volume, the average that bar was compared with, then a window of bar volumes. */
const VOL_FACTOR = 0;
const VOL_LAST = 1;
const VOL_BEFORE = 2;
const VOL_WINDOW = 3;

/**
 * Feeds a tick to the series at `at` of m; returns true when it closed the bar before it (which
 * is then committed). price: the series' source price (NaN: the tick lacks it).
 */
export function advanceSeries(m: Float64Array, at: number, ts: number, price: number, volume: number): boolean {
  const start = barStart(ts, m[at + Se.barMs] as number);
  const startMs = m[at + Se.startMs] as number;
  const closed = startMs === startMs && start > startMs;
  if (closed) commit(m, at);
  if (closed || startMs !== startMs) m[at + Se.startMs] = start;
  if (m[at + Se.type] === Type.volume) m[at + Se.close] = (m[at + Se.close] as number) + volume;
  else if (price === price) m[at + Se.close] = price;
  return closed;
}

/** The earliest tick time that can close the forming bar (a millisecond early, for rounding); −∞ before the first tick. */
export function closesFromOf(m: Float64Array, at: number): number {
  const startMs = m[at + Se.startMs] as number;
  return startMs === startMs ? startMs + (m[at + Se.barMs] as number) - 1 : -Infinity;
}

function commit(m: Float64Array, at: number): void {
  const body = at + Se.body;
  const close = m[at + Se.close] as number;
  switch (m[at + Se.type]) {
    case Type.indicator:
      if (close === close) operandUpdate(m, body, close);
      m[at + Se.close] = NaN;
      return;
    case Type.closes: {
      if (close !== close) return;
      const cap = (m[body + CH_BARS] as number) + 1;
      const next = m[body + CH_NEXT] as number;
      m[body + CH_RING + next] = close;
      m[body + CH_NEXT] = (next + 1) % cap;
      m[body + CH_COUNT] = Math.min(cap, (m[body + CH_COUNT] as number) + 1);
      m[at + Se.close] = NaN;
      return;
    }
    default:
      m[body + VOL_BEFORE] = volumeAverage(m, body);
      m[body + VOL_LAST] = close;
      wPush(m, body + VOL_WINDOW, close);
      m[at + Se.close] = 0;
  }
}

function volumeAverage(m: Float64Array, body: number): number {
  const w = body + VOL_WINDOW;
  return wFull(m, w) ? (m[body + VOL_FACTOR] as number) * wMean(m, w) : NaN;
}

/**
 * A series of bars of one length on one price source, as the rules read it: a view of its entry
 * in a block (its own until an instrument takes it: moveTo). Fed lazily (the level path), a series
 * of closes skips the ticks between its bar closes and takes the forming bar's last price back from
 * the instrument before the next close.
 */
export abstract class BarSeries {
  /** Where its entry is: its own block until an instrument takes it (moveTo). */
  protected block = new SeriesBlock();
  protected at = 0;
  /** Fed lazily (by the instrument, which keeps the tick count it was last fed at in the entry). */
  lazy = false;
  /** The numbers its entry takes. */
  readonly size: number;

  protected constructor(
    readonly barMs: number,
    readonly source: PriceSource,
    type: TypeCode,
    body: number,
  ) {
    this.size = Se.body + body;
    const m = (this.block.m = new Float64Array(this.size));
    m[Se.barMs] = barMs;
    m[Se.startMs] = NaN;
    m[Se.close] = type === Type.volume ? 0 : NaN;
    m[Se.fedAt] = -1;
    m[Se.closesFrom] = -Infinity;
    m[Se.source] = SOURCE_CODE[source];
    m[Se.type] = type;
  }

  /** Where its entry is now (an instrument's block keeps moving entries as its rules change): which block, and where in it. */
  get home(): SeriesBlock {
    return this.block;
  }

  get offset(): number {
    return this.at;
  }

  /** Moves its entry to `at` of the block's next array m, state and all; the block takes m once every entry is in. */
  moveTo(block: SeriesBlock, m: Float64Array, at: number): void {
    m.set(this.block.m.subarray(this.at, this.at + this.size), at);
    this.block = block;
    this.at = at;
  }

  /** Feeds a tick; returns true when it closed the bar before it. */
  advance(ts: number, price: number, volume: number): boolean {
    return advanceSeries(this.block.m, this.at, ts, price, volume);
  }

  protected get body(): number {
    return this.at + Se.body;
  }
}

/** A price indicator on the closes of bars, shared by every rule of the instrument that reads it. */
export class IndicatorSeries extends BarSeries {
  constructor(
    readonly operand: Operand,
    barMs: number,
    source: PriceSource,
  ) {
    super(barMs, source, Type.indicator, operandSize(priceOperand(operand)));
    operandInit(this.block.m, Se.body, priceOperand(operand));
  }

  /** As of the last closed bar. */
  closed(): number {
    return operandValue(this.block.m, this.body);
  }

  /** With the forming bar closing at its latest price. */
  current(): number {
    const m = this.block.m;
    const close = m[this.at + Se.close] as number;
    return close === close ? operandPeek(m, this.body, close) : operandValue(m, this.body);
  }
}

/** The closes of the last bars, for "moved by … within N bars": the close N bars before the current (or the closed) bar. */
export class CloseHistory extends BarSeries {
  constructor(
    readonly bars: number,
    barMs: number,
    source: PriceSource,
  ) {
    super(barMs, source, Type.closes, CH_RING + bars + 1);
    this.block.m[Se.body + CH_BARS] = bars;
  }

  /** N bars before the forming bar (intrabar), or before the bar that just closed (at its close); NaN until there are that many. */
  reference(atClose: boolean): number {
    const m = this.block.m;
    const body = this.body;
    const back = atClose ? this.bars + 1 : this.bars;
    const cap = this.bars + 1;
    return (m[body + CH_COUNT] as number) >= back
      ? (m[body + CH_RING + (((m[body + CH_NEXT] as number) - back + cap) % cap)] as number)
      : NaN;
  }
}

/** Bar volumes against factor × the average of the previous `bars` closed bars. */
export class VolumeSeries extends BarSeries {
  constructor(
    readonly operand: Extract<Operand, { kind: 'avg_volume' }>,
    barMs: number,
  ) {
    super(barMs, 'last', Type.volume, VOL_WINDOW + windowSize(checkPeriod(operand.bars, 1)));
    const m = this.block.m;
    m[Se.body + VOL_FACTOR] = operand.factor;
    m[Se.body + VOL_LAST] = NaN;
    m[Se.body + VOL_BEFORE] = NaN;
    wInit(m, Se.body + VOL_WINDOW, operand.bars);
  }

  /** The last closed bar's volume, and factor × the average it is compared with (of the bars before it). */
  closedVolume(): number {
    return this.block.m[this.body + VOL_LAST] as number;
  }

  averageBefore(): number {
    return this.block.m[this.body + VOL_BEFORE] as number;
  }

  /** The forming bar's volume so far, and factor × the average of the last closed bars. */
  formingVolume(): number {
    return this.block.m[this.at + Se.close] as number;
  }

  average(): number {
    return volumeAverage(this.block.m, this.body);
  }
}

function priceOperand(o: Operand): Exclude<Operand, { kind: 'avg_volume' }> {
  if (o.kind === 'avg_volume') throw new Error('avg_volume is read from bar volumes, not closes');
  return o;
}

export function seriesKey(o: Operand, barMs: number, source: PriceSource): string {
  return `${barMs}|${source}|${JSON.stringify(o)}`;
}

export function closeHistoryKey(bars: number, barMs: number, source: PriceSource): string {
  return `${barMs}|${source}|close-${bars}`;
}
