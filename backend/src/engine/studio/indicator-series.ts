import type { Operand, PriceSource } from '@tradeassist/shared-types';
import type { FormingShape } from '../indicators/forming-shape';
import { operandCalculator, type OperandCalculator } from '../indicators/operand-calculator';
import { SlidingWindow } from '../indicators/window';
import { barStart } from './studio-rule';

/** Bars of one length, as a series sees them: which bar is forming, and whether a tick closed the previous one. */
export abstract class BarSeries {
  protected startMs = NaN;

  constructor(
    readonly barMs: number,
    readonly source: PriceSource,
  ) {}

  /** Feeds a tick; returns true when it closed the bar before it (which is then committed). */
  advance(ts: number, price: number, volume: number): boolean {
    const start = barStart(ts, this.barMs);
    const closed = this.startMs === this.startMs && start > this.startMs;
    if (closed) this.commit();
    if (closed || this.startMs !== this.startMs) this.startMs = start;
    this.add(price, volume);
    return closed;
  }

  /** The earliest tick time that can close the forming bar (a millisecond early, for rounding); -Infinity before the first tick. */
  get closesFrom(): number {
    return this.startMs === this.startMs ? this.startMs + this.barMs - 1 : -Infinity;
  }

  protected abstract commit(): void;
  protected abstract add(price: number, volume: number): void;
}

/**
 * A series of bar closes. Between the ticks that close bars it only keeps the forming bar's last
 * price, which the instrument also has: fed lazily (the level path), it skips those ticks and
 * takes that price back from the instrument before the next close.
 */
export abstract class ClosingSeries extends BarSeries {
  protected close = NaN;
  /** Fed lazily (by the instrument, which keeps the tick count it was last fed at). */
  lazy = false;
  fedAt = -1;

  /** A tick it skipped had a price: the latest such is the forming bar's last price. */
  resume(lastPrice: number): void {
    this.close = lastPrice;
  }

  protected add(price: number): void {
    if (price === price) this.close = price;
  }
}

/** A price indicator on the closes of bars, shared by every rule of the instrument that reads it. */
export class IndicatorSeries extends ClosingSeries {
  private readonly calc: OperandCalculator;

  constructor(
    readonly operand: Operand,
    barMs: number,
    source: PriceSource,
  ) {
    super(barMs, source);
    this.calc = operandCalculator(operand);
  }

  /** As of the last closed bar. */
  closed(): number {
    return this.calc.value;
  }

  /** With the forming bar closing at its latest price. */
  current(): number {
    return this.close === this.close ? this.calc.peek(this.close) : this.calc.value;
  }

  /** With the forming bar closing at this price (as current() once a tick brought it). */
  peekAt(price: number): number {
    return this.calc.peek(price);
  }

  describe(into: FormingShape, maxAbs: number): void {
    this.calc.describe(into, maxAbs);
  }

  protected commit(): void {
    if (this.close === this.close) this.calc.update(this.close);
    this.close = NaN;
  }
}

/** Bar volumes against factor × the average of the previous `bars` closed bars. */
export class VolumeSeries extends BarSeries {
  private forming = 0;
  private lastClosed = NaN;
  /** The average before the last closed bar joined it: what that bar is compared with. */
  private averageBeforeValue = NaN;
  private readonly window: SlidingWindow;

  constructor(
    readonly operand: Extract<Operand, { kind: 'avg_volume' }>,
    barMs: number,
  ) {
    super(barMs, 'last');
    this.window = new SlidingWindow(operand.bars);
  }

  /** The last closed bar's volume, and factor × the average it is compared with (of the bars before it). */
  closedVolume(): number {
    return this.lastClosed;
  }

  averageBefore(): number {
    return this.averageBeforeValue;
  }

  /** The forming bar's volume so far, and factor × the average of the last closed bars. */
  formingVolume(): number {
    return this.forming;
  }

  average(): number {
    return this.window.full ? this.operand.factor * this.window.mean : NaN;
  }

  protected commit(): void {
    this.averageBeforeValue = this.average();
    this.lastClosed = this.forming;
    this.window.push(this.forming);
    this.forming = 0;
  }

  protected add(_price: number, volume: number): void {
    this.forming += volume;
  }
}

export function seriesKey(o: Operand, barMs: number, source: PriceSource): string {
  return `${barMs}|${source}|${JSON.stringify(o)}`;
}

/** The closes of the last bars, for "moved by … within N bars": the close N bars before the current (or the closed) bar. */
export class CloseHistory extends ClosingSeries {
  private readonly closes: number[] = [];

  constructor(
    readonly bars: number,
    barMs: number,
    source: PriceSource,
  ) {
    super(barMs, source);
  }

  /** N bars before the forming bar (intrabar), or before the bar that just closed (at its close); NaN until there are that many. */
  reference(atClose: boolean): number {
    const back = atClose ? this.bars + 1 : this.bars;
    return this.closes.length >= back ? (this.closes[this.closes.length - back] as number) : NaN;
  }

  protected commit(): void {
    if (this.close !== this.close) return;
    this.closes.push(this.close);
    if (this.closes.length > this.bars + 1) this.closes.shift();
    this.close = NaN;
  }
}

export function closeHistoryKey(bars: number, barMs: number, source: PriceSource): string {
  return `${barMs}|${source}|close-${bars}`;
}
