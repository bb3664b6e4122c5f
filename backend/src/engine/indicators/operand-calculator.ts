import type { Operand } from '@tradeassist/shared-types';
import {
  Band,
  bollingerDescribe,
  bollingerInit,
  bollingerPeek,
  bollingerSize,
  bollingerUpdate,
  bollingerValue,
  type BandCode,
} from './bollinger';
import type { FormingShape } from './forming-shape';
import { macdDescribe, macdInit, MacdLine, macdPeek, macdSize, macdUpdate, macdValue, type MacdLineCode } from './macd';
import {
  EMA_SIZE,
  emaDescribe,
  emaInit,
  emaPeek,
  emaUpdate,
  emaValue,
  smaDescribe,
  smaInit,
  smaPeek,
  smaSize,
  smaUpdate,
  smaValue,
} from './moving-averages';
import { RSI_SIZE, rsiDescribe, rsiInit, rsiPeek, rsiUpdate, rsiValue } from './rsi';

/*
 * The indicator behind an operand, as a run of numbers at an offset of a Float64Array: which
 * indicator, which of its lines, then its state. The studio keeps all of an instrument's in one
 * block, so a bar close or a solve walks one stretch of memory instead of a web of objects.
 */

const KIND = 0;
const LINE = 1;
const STATE = 2;

const Kind = { sma: 0, ema: 1, rsi: 2, macd: 3, bollinger: 4 } as const;

type PriceOperand = Exclude<Operand, { kind: 'avg_volume' }>;

/** Numbers the operand's indicator takes. */
export function operandSize(o: PriceOperand): number {
  switch (o.kind) {
    case 'sma':
      return STATE + smaSize(o.period);
    case 'ema':
      return STATE + EMA_SIZE;
    case 'rsi':
      return STATE + RSI_SIZE;
    case 'macd':
      return STATE + macdSize(o.slow);
    case 'bollinger':
      return STATE + bollingerSize(o.period);
  }
}

/** Sets up the operand's indicator at offset at of m, with no values yet. */
export function operandInit(m: Float64Array, at: number, o: PriceOperand): void {
  const s = at + STATE;
  switch (o.kind) {
    case 'sma':
      m[at + KIND] = Kind.sma;
      return smaInit(m, s, o.period);
    case 'ema':
      m[at + KIND] = Kind.ema;
      return emaInit(m, s, o.period);
    case 'rsi':
      m[at + KIND] = Kind.rsi;
      return rsiInit(m, s, o.period);
    case 'macd':
      m[at + KIND] = Kind.macd;
      m[at + LINE] = MacdLine[o.line];
      return macdInit(m, s, o.fast, o.slow, o.signal);
    case 'bollinger':
      m[at + KIND] = Kind.bollinger;
      m[at + LINE] = Band[o.band];
      return bollingerInit(m, s, o.period, o.k);
  }
}

/** A bar close. */
export function operandUpdate(m: Float64Array, at: number, close: number): void {
  const s = at + STATE;
  switch (m[at + KIND]) {
    case Kind.sma:
      return smaUpdate(m, s, close);
    case Kind.ema:
      emaUpdate(m, s, close);
      return;
    case Kind.rsi:
      rsiUpdate(m, s, close);
      return;
    case Kind.macd:
      return macdUpdate(m, s, close);
    default:
      return bollingerUpdate(m, s, close);
  }
}

/** As of the last close. */
export function operandValue(m: Float64Array, at: number): number {
  const s = at + STATE;
  switch (m[at + KIND]) {
    case Kind.sma:
      return smaValue(m, s);
    case Kind.ema:
      return emaValue(m, s);
    case Kind.rsi:
      return rsiValue(m, s);
    case Kind.macd:
      return macdValue(m, s, m[at + LINE] as MacdLineCode);
    default:
      return bollingerValue(m, s, m[at + LINE] as BandCode);
  }
}

/** With the forming bar closing at this price, leaving the state as it is. */
export function operandPeek(m: Float64Array, at: number, price: number): number {
  const s = at + STATE;
  switch (m[at + KIND]) {
    case Kind.sma:
      return smaPeek(m, s, price);
    case Kind.ema:
      return emaPeek(m, s, price);
    case Kind.rsi:
      return rsiPeek(m, s, price);
    case Kind.macd:
      return macdPeek(m, s, price, m[at + LINE] as MacdLineCode);
    default:
      return bollingerPeek(m, s, price, m[at + LINE] as BandCode);
  }
}

/** How the peek moves with the price, for |price| ≤ maxAbs (see FormingShape). */
export function operandDescribe(m: Float64Array, at: number, into: FormingShape, maxAbs: number): void {
  const s = at + STATE;
  switch (m[at + KIND]) {
    case Kind.sma:
      return smaDescribe(m, s, into, maxAbs);
    case Kind.ema:
      return emaDescribe(m, s, into, maxAbs);
    case Kind.rsi:
      return rsiDescribe(m, s, into);
    case Kind.macd:
      return macdDescribe(m, s, into, m[at + LINE] as MacdLineCode, maxAbs);
    default:
      return bollingerDescribe(m, s, into, m[at + LINE] as BandCode, maxAbs);
  }
}

/** The indicator behind an operand in a block of its own: fed bar closes, read at the last close or with the forming bar at a price. */
export interface OperandCalculator {
  update(close: number): void;
  /** As of the last close. */
  readonly value: number;
  peek(price: number): number;
  /** How peek moves with the price, for |price| ≤ maxAbs (see FormingShape). */
  describe(into: FormingShape, maxAbs: number): void;
}

/** An operand's indicator in a block of its own (previews, and the studio until it keeps them in blocks). */
class BlockCalculator implements OperandCalculator {
  private readonly m: Float64Array;

  constructor(o: PriceOperand) {
    this.m = new Float64Array(operandSize(o));
    operandInit(this.m, 0, o);
  }

  get value(): number {
    return operandValue(this.m, 0);
  }

  update(close: number): void {
    operandUpdate(this.m, 0, close);
  }

  peek(price: number): number {
    return operandPeek(this.m, 0, price);
  }

  describe(into: FormingShape, maxAbs: number): void {
    operandDescribe(this.m, 0, into, maxAbs);
  }
}

export function operandCalculator(o: Operand): OperandCalculator {
  if (o.kind === 'avg_volume') throw new Error('avg_volume is read from bar volumes, not closes');
  return new BlockCalculator(o);
}
