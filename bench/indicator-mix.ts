import { PLAIN_OPTIONS, type EngineRule, type EngineRuleOptions } from '../backend/src/engine';
import { seededRandom } from '../backend/src/engine/test-support';
import type { Workload } from './workload';

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
      ? {
          ruleType: 'threshold',
          condition: rand() < 0.5 ? 'above' : 'below',
          threshold: rand() < 0.5 ? 70 : 30,
          subject: { kind: 'rsi', period: 14 },
        }
      : u < 0.65
        ? { ...cross, against: { kind: rand() < 0.5 ? 'sma' : 'ema', period: rand() < 0.5 ? 20 : 50 } }
        : u < 0.85
          ? { ...cross, subject: { kind: 'macd', line: 'histogram', fast: 12, slow: 26, signal: 9 } }
          : { ...cross, against: { kind: 'bollinger', band: rand() < 0.5 ? 'upper' : 'lower', period: 20, k: 2 } };
  const { ruleType, condition, threshold, ...options } = variant;
  return { ...base, ruleType, condition, threshold, options: { ...PLAIN_OPTIONS, barMs, ...options } };
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
