import { PLAIN_OPTIONS, type EngineRule, type EngineRuleOptions } from '../backend/src/engine';
import { seededRandom } from '../backend/src/engine/test-support';
import { emptyTape, gaussian, type TickTape, type Workload } from './workload';

/** RSI past an extreme: above 70 (overbought) or below 30 (oversold), never the side where it spends most of its time. */
function rsiExtreme(overbought: boolean): Pick<EngineRule, 'ruleType' | 'condition' | 'threshold'> & Partial<EngineRuleOptions> {
  return overbought
    ? { ruleType: 'threshold', condition: 'above', threshold: 70, subject: { kind: 'rsi', period: 14 } }
    : { ruleType: 'threshold', condition: 'below', threshold: 30, subject: { kind: 'rsi', period: 14 } };
}

/** Indicator rules as traders write them: RSI extremes, price against an average, MACD and Bollinger signals, on 1- or 5-minute bars. */
function indicatorRule(base: EngineRule, rand: () => number): EngineRule {
  const barMs = rand() < 0.7 ? 60_000 : 300_000;
  const u = rand();
  const cross = {
    ruleType: 'crossover' as const,
    condition: rand() < 0.5 ? ('crosses_above' as const) : ('crosses_below' as const),
    threshold: 0,
  };
  const variant: Pick<EngineRule, 'ruleType' | 'condition' | 'threshold'> & Partial<EngineRuleOptions> =
    u < 0.35
      ? rsiExtreme(rand() < 0.5)
      : u < 0.65
        ? { ...cross, against: { kind: rand() < 0.5 ? 'sma' : 'ema', period: rand() < 0.5 ? 20 : 50 } }
        : u < 0.85
          ? { ...cross, subject: { kind: 'macd', line: 'histogram', fast: 12, slow: 26, signal: 9 } }
          : { ...cross, against: { kind: 'bollinger', band: rand() < 0.5 ? 'upper' : 'lower', period: 20, k: 2 } };
  const { ruleType, condition, threshold, ...options } = variant;
  // As in the steady mix, a cooldown of 0 only on crossings: an RSI extreme without one fires on
  // every tick while RSI stays there, an alert storm. 60 s is what the steady mix draws for a level
  // rule where it draws 0 for a crossing.
  const level = ruleType !== 'crossover';
  const cooldownSeconds = level && base.cooldownSeconds === 0 ? 60 : base.cooldownSeconds;
  return { ...base, ruleType, condition, threshold, cooldownSeconds, options: { ...PLAIN_OPTIONS, barMs, ...options } };
}

/** The same workload with a share of its rules replaced by indicator rules (same ids and instruments). */
export function withIndicators(w: Workload, share: number, seed: number): Workload & { indicatorRules: number } {
  const rand = seededRandom(seed + 1);
  let indicatorRules = 0;
  const rules = w.rules.map((r) => {
    if (rand() >= share) return r;
    indicatorRules++;
    return indicatorRule(r, rand);
  });
  return { ...w, rules, indicatorRules };
}

/** Minutes of history before the tape: enough closed 5-minute bars for the longest indicator of the mix (50 bars). */
export const HISTORY_MINUTES = 300;

/**
 * A tick a minute for every instrument over the `minutes` before the tape, walking back from each
 * instrument's first price on it (with the tape's volatility over a minute): fed to the engine
 * before the timed passes, so that the indicators are warm when they start. Without it the tape's
 * 17 minutes would be mostly warm-up, with conditions NaN at every price and nothing to solve.
 */
export function indicatorHistory(w: Workload, minutes: number, seed: number): TickTape {
  const gauss = gaussian(seededRandom(seed + 2));
  const n = w.symbols.length;
  const { tape } = w;
  const first = new Float64Array(n).fill(NaN);
  for (let i = 0; i < tape.count; i++) {
    const k = tape.instrument[i]!;
    if (first[k] !== first[k]) first[k] = tape.price[i]!;
  }
  // Prices by minute, from the last (just before the tape) back to the first.
  const byMinute = Array.from({ length: minutes }, () => new Float64Array(n));
  const price = Float64Array.from(first, (p) => (p === p ? p : 100));
  for (let m = minutes - 1; m >= 0; m--) {
    byMinute[m]!.set(price);
    for (let k = 0; k < n; k++) price[k] = Math.round((price[k]! / (1 + gauss() * 0.0005 * Math.sqrt(60))) * 100) / 100;
  }
  const history = emptyTape(minutes * n);
  const start = (tape.ts[0] ?? 0) - minutes * 60_000;
  for (let m = 0, i = 0; m < minutes; m++) {
    for (let k = 0; k < n; k++, i++) {
      history.instrument[i] = k;
      history.ts[i] = start + m * 60_000 + Math.floor((k * 60_000) / n);
      history.price[i] = byMinute[m]![k]!;
      history.volume[i] = Math.round(Math.exp(4.5 + gauss() * 0.6));
    }
  }
  return history;
}
