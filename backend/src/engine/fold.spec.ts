import { RuleEngine } from './rule-engine';
import { PLAIN_OPTIONS } from './studio/studio-rule';
import { runScenario, type ScenarioMix } from './studio/random-scenario';
import { StudioEngine } from './studio/studio-engine';
import type { EngineRule, Firing } from './types';

const SEEDS = Array.from({ length: 16 }, (_, i) => 2000 + i);
/** Plain rules beside studio rules that mostly only the level path reads (so instruments fold), few quoted ticks. */
const FOLDING: ScenarioMix = { quoted: 0.1, plain: 0.3, levelOnly: 0.9 };

/** Runs a scenario, counting the ticks that reached the studio engine. */
function traced(engine: RuleEngine, seed: number): ReturnType<typeof runScenario> & { studioTicks: number } {
  const spy = jest.spyOn(StudioEngine.prototype, 'evaluate');
  try {
    return { ...runScenario(engine, seed, FOLDING), studioTicks: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

/**
 * The studio's quiet path folded into the indexed engine's (RuleEngine's default) skips the studio
 * for most ticks; it must change nothing: the same firings, counts and re-arm changes as sending
 * every tick to both engines, and as reading every studio rule in full.
 */
describe('RuleEngine: the folded quiet path fires exactly as without it (randomized, seeded)', () => {
  it.each(SEEDS)('seed %i', (seed) => {
    const folded = traced(new RuleEngine(), seed);
    const unfolded = traced(new RuleEngine({ fold: false }), seed);
    const full = traced(new RuleEngine({ fold: false, levels: false }), seed);
    expect(folded.counts).toEqual(unfolded.counts);
    expect(JSON.stringify(folded.firings)).toBe(JSON.stringify(unfolded.firings));
    expect(folded.rearms).toEqual(unfolded.rearms);
    expect(JSON.stringify(folded.firings)).toBe(JSON.stringify(full.firings));
    // Not idle, and the fold was at work: without it every tick reaches the studio, with it hundreds
    // skip it (the tape is volatile and many of its rules read every tick, so not most).
    expect(folded.firings.length).toBeGreaterThan(1000);
    expect(unfolded.studioTicks).toBe(folded.counts.length - folded.counts.filter((n) => n === -1).length);
    expect(folded.studioTicks).toBeLessThan(unfolded.studioTicks - 300);
  });
});

describe('RuleEngine: what the fold passes but the studio still needs', () => {
  const S = 1000;
  const T0 = Date.parse('2026-11-23T15:00:00Z');
  const priceCrossesAverage: EngineRule = {
    id: 1,
    version: 1,
    instrumentId: 3,
    ruleType: 'crossover',
    condition: 'crosses_above',
    threshold: 0,
    active: true,
    timeWindowSeconds: null,
    cooldownSeconds: 0,
    lastTriggeredMs: null,
    options: { ...PLAIN_OPTIONS, against: { kind: 'sma', period: 20 } },
  };
  const bidCrosses100: EngineRule = { ...priceCrossesAverage, id: 2, threshold: 100, options: { ...PLAIN_OPTIONS, source: 'bid' } };

  /** Quiet ticks (the average is still warming up) whose bid falls below 100; then a rule on the bid, and a bid above it. */
  function bidRuleFirings(engine: RuleEngine): number[] {
    const out: Firing[] = [];
    engine.upsertRule(priceCrossesAverage);
    engine.evaluate({ instrumentId: 3, tsMs: T0, price: 100, volume: 1, bid: 101, ask: 102 }, out);
    for (let i = 1; i <= 5; i++) engine.evaluate({ instrumentId: 3, tsMs: T0 + i * S, price: 100, volume: 1, bid: 99, ask: 101 }, out);
    engine.upsertRule(bidCrosses100);
    engine.evaluate({ instrumentId: 3, tsMs: T0 + 6 * S, price: 100, volume: 1, bid: 100.5, ask: 101 }, out);
    return out.map((f) => f.ruleId);
  }

  it('keeps the bid of quoted ticks the fast path took: a crossing on the bid starts from the latest one', () => {
    expect(bidRuleFirings(new RuleEngine({ fold: false }))).toEqual([2]);
    expect(bidRuleFirings(new RuleEngine())).toEqual([2]);
  });

  /** Quiet ticks the fold passes take the price from 100 to 101; then a rule that reads every tick, crossing 100.5, and a tick at 102. */
  function crossingRuleFirings(engine: RuleEngine): number[] {
    const out: Firing[] = [];
    engine.upsertRule(priceCrossesAverage);
    engine.evaluate({ instrumentId: 3, tsMs: T0, price: 100, volume: 1 }, out);
    for (let i = 1; i <= 5; i++) engine.evaluate({ instrumentId: 3, tsMs: T0 + i * S, price: 101, volume: 1 }, out);
    engine.upsertRule({ ...priceCrossesAverage, id: 3, threshold: 100.5, options: { ...PLAIN_OPTIONS, mode: 'once' } });
    engine.evaluate({ instrumentId: 3, tsMs: T0 + 6 * S, price: 102, volume: 1 }, out);
    return out.map((f) => f.ruleId);
  }

  it('catches up before a rule change: a rule that then reads every tick sees the price the skipped ticks left', () => {
    expect(crossingRuleFirings(new RuleEngine({ fold: false }))).toEqual([]);
    expect(crossingRuleFirings(new RuleEngine())).toEqual([]);
  });

  /** A plain rule that fires on every tick above 100 beside the warming average; then a rule that reads every tick, crossing 100.5, and a tick at 102. */
  function busyBookFirings(engine: RuleEngine): { firings: number[]; studioTicks: number } {
    const everyTickAbove100: EngineRule = {
      ...priceCrossesAverage,
      id: 4,
      ruleType: 'threshold',
      condition: 'above',
      threshold: 100,
      options: PLAIN_OPTIONS,
    };
    const out: Firing[] = [];
    engine.upsertRule(priceCrossesAverage);
    engine.upsertRule(everyTickAbove100);
    const spy = jest.spyOn(StudioEngine.prototype, 'evaluate');
    try {
      engine.evaluate({ instrumentId: 3, tsMs: T0, price: 100, volume: 1 }, out);
      for (let i = 1; i <= 10; i++) engine.evaluate({ instrumentId: 3, tsMs: T0 + i * S, price: 101, volume: 1 }, out);
      engine.upsertRule({ ...priceCrossesAverage, id: 3, threshold: 100.5, options: { ...PLAIN_OPTIONS, mode: 'once' } });
      engine.evaluate({ instrumentId: 3, tsMs: T0 + 11 * S, price: 102, volume: 1 }, out);
      return { firings: out.map((f) => f.ruleId), studioTicks: spy.mock.calls.length };
    } finally {
      spy.mockRestore();
    }
  }

  it('skips the studio on ticks the book fires on but the folded bounds pass, and catches up after them', () => {
    const unfolded = busyBookFirings(new RuleEngine({ fold: false }));
    const folded = busyBookFirings(new RuleEngine());
    expect(unfolded.firings).toEqual(Array(11).fill(4));
    expect(folded.firings).toEqual(unfolded.firings);
    expect(unfolded.studioTicks).toBe(12);
    // The first tick opens the gate and the last one reads the new rule: the ten between, fired on by the book, skip the studio.
    expect(folded.studioTicks).toBe(2);
  });
});
