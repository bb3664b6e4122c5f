import type { EngineRule, EngineTick } from './types';

/** Factories for engine specs and the bench: a rule or tick with overridable defaults. */
export function engineRule(overrides: Partial<EngineRule> & Pick<EngineRule, 'id'>): EngineRule {
  return {
    version: 1,
    instrumentId: 1,
    ruleType: 'threshold',
    condition: 'above',
    threshold: 100,
    active: true,
    timeWindowSeconds: null,
    cooldownSeconds: 0,
    lastTriggeredMs: null,
    ...overrides,
  };
}

export const T0 = Date.parse('2026-11-22T14:30:00Z');

export function engineTick(price: number, atMs = 0, overrides: Partial<EngineTick> = {}): EngineTick {
  return { instrumentId: 1, tsMs: T0 + atMs, price, volume: 1, ...overrides };
}

/** mulberry32: a tiny seeded PRNG so randomized tests and the bench are repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
