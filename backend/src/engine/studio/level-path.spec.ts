import { LevelCondition } from './level-condition';
import { LevelGate } from './level-gate';
import { runScenario, STUDIO_MIX, type ScenarioMix } from './random-scenario';
import { StudioEngine } from './studio-engine';

const SEEDS = Array.from({ length: 24 }, (_, i) => 1000 + i);

/**
 * Counts the level path's readings (one per condition and tick that reads it: all of an
 * instrument's in LevelGate.readAll, one at a time through LevelCondition.sideAt), and those that
 * had to read the indicators (sideRead) because the price was outside the regions.
 */
function countReadings(): { readings: number; fromRegions: number; restore(): void } {
  const counts = { readings: 0, fromIndicators: 0 };
  const spies = [
    spyThrough(LevelGate.prototype, 'readAll', function (this: LevelGate, price: number) {
      if (price === price) counts.readings += this.levels.length;
    }),
    spyThrough(LevelCondition.prototype, 'sideAt', () => counts.readings++),
    spyThrough(LevelCondition.prototype, 'sideRead', () => counts.fromIndicators++),
  ];
  return {
    get readings() {
      return counts.readings;
    },
    get fromRegions() {
      return counts.readings - counts.fromIndicators;
    },
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

/** Spies on a method, calling `before` with the same this and arguments, then the method itself. */
function spyThrough<T extends object, K extends keyof T & string>(
  target: T,
  name: K,
  before: (this: T, ...args: never[]) => void,
): jest.SpyInstance {
  const original = target[name] as (...args: unknown[]) => unknown;
  return jest.spyOn(target, name as never).mockImplementation(function (this: T, ...args: unknown[]) {
    before.apply(this, args as never[]);
    return original.apply(this, args);
  } as never);
}

/** Instruments whose ticks only the level path reads (the gate reads them all at once, from its table), few quoted ticks. */
const LEVELS_ONLY: ScenarioMix = { quoted: 0.1, plain: 0, levelOnly: 1 };

describe('the level path fires exactly as reading every rule in full (randomized, seeded)', () => {
  it.each([
    ...SEEDS.map((seed) => [seed, 'rules of every kind', STUDIO_MIX] as const),
    ...SEEDS.slice(0, 8).map((seed) => [seed, 'level-path rules only', LEVELS_ONLY] as const),
  ])('seed %i, %s: same firings (values and explanations), counts and re-arm changes', (seed, _, mix) => {
    const counted = countReadings();
    const levels = runScenario(new StudioEngine(), seed, mix);
    counted.restore();
    const full = runScenario(new StudioEngine({ levels: false }), seed, mix);
    expect(levels.counts).toEqual(full.counts);
    expect(levels.firings).toEqual(full.firings);
    // The same fields in the same order, as they are stored and sent.
    expect(JSON.stringify(levels.firings)).toBe(JSON.stringify(full.firings));
    expect(levels.rearms).toEqual(full.rearms);
    // The scenario is not idle, and most level-path readings came from the regions.
    expect(full.firings.length).toBeGreaterThan(100);
    expect(counted.fromRegions).toBeGreaterThan(counted.readings / 2);
  });
});
