/* Indicator benchmark: our incremental indicators vs the trading-signals library, same prices; prints one JSON object. */
import { parseArgs } from 'node:util';
import { Bollinger, Ema, Macd, Rsi, Sma } from '../backend/src/engine/indicators';
import { seededRandom } from '../backend/src/engine/test-support';

const { values: args } = parseArgs({ options: { updates: { type: 'string', default: '1000000' } } });

interface TradingSignals {
  SMA: new (n: number) => Updatable;
  EMA: new (n: number) => Updatable;
  RSI: new (n: number) => Updatable;
  BollingerBands: new (n: number, k: number) => Updatable;
  MACD: new (short: Updatable, long: Updatable, signal: Updatable) => Updatable;
}
interface Updatable {
  update(price: number, replace: boolean): unknown;
}

type Case = [name: string, ours: () => (p: number) => number, theirs: (ts: TradingSignals) => (p: number) => number];

const num = (r: unknown, key?: string): number => {
  if (r === null || r === undefined) return NaN;
  return key ? Number((r as Record<string, unknown>)[key]) : Number(r);
};

const CASES: Case[] = [
  [
    'sma_20',
    () =>
      (
        (i) => (p) =>
          i.update(p)
      )(new Sma(20)),
    (ts) =>
      (
        (i) => (p) =>
          num(i.update(p, false))
      )(new ts.SMA(20)),
  ],
  [
    'ema_20',
    () =>
      (
        (i) => (p) =>
          i.update(p)
      )(new Ema(20)),
    (ts) =>
      (
        (i) => (p) =>
          num(i.update(p, false))
      )(new ts.EMA(20)),
  ],
  [
    'rsi_14',
    () =>
      (
        (i) => (p) =>
          i.update(p)
      )(new Rsi(14)),
    (ts) =>
      (
        (i) => (p) =>
          num(i.update(p, false))
      )(new ts.RSI(14)),
  ],
  [
    'macd_12_26_9',
    () =>
      ((i) => (p) => {
        i.update(p);
        return i.histogram;
      })(new Macd(12, 26, 9)),
    (ts) =>
      (
        (i) => (p) =>
          num(i.update(p, false), 'histogram')
      )(new ts.MACD(new ts.EMA(12), new ts.EMA(26), new ts.EMA(9))),
  ],
  [
    'bollinger_20_2',
    () =>
      ((i) => (p) => {
        i.update(p);
        return i.upper;
      })(new Bollinger(20, 2)),
    (ts) =>
      (
        (i) => (p) =>
          num(i.update(p, false), 'upper')
      )(new ts.BollingerBands(20, 2)),
  ],
];

function timeUpdates(step: (p: number) => number, prices: Float64Array): { perSec: number; last: number } {
  let last = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < prices.length; i++) last = step(prices[i] as number);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSec: Math.round(prices.length / seconds), last };
}

async function main(): Promise<void> {
  const ts = (await import('trading-signals')) as unknown as TradingSignals;
  const n = Number(args.updates);
  const rand = seededRandom(3);
  const prices = new Float64Array(n);
  let p = 6000;
  for (let i = 0; i < n; i++) prices[i] = p = Math.round((p + (rand() - 0.5) * 4) * 4) / 4;

  const results: Record<string, unknown> = {};
  for (const [name, ours, theirs] of CASES) {
    // Warm both up on a prefix, then time each over the whole series on a fresh instance.
    timeUpdates(ours(), prices.subarray(0, 50_000));
    timeUpdates(theirs(ts), prices.subarray(0, 50_000));
    const a = timeUpdates(ours(), prices);
    const b = timeUpdates(theirs(ts), prices);
    results[name] = {
      ours_updates_per_sec: a.perSec,
      trading_signals_updates_per_sec: b.perSec,
      speedup: Number((a.perSec / b.perSec).toFixed(1)),
      // Conventions differ (TA-Lib seeds EMAs with a simple average): shown, not asserted.
      last_value: { ours: a.last, trading_signals: b.last },
    };
  }
  process.stdout.write(`${JSON.stringify({ benchmark: 'indicators', node: process.version, updates: n, results }, null, 2)}\n`);
}

void main();
