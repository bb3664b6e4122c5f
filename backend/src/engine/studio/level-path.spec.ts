import { LevelCondition } from './level-condition';
import { runScenario } from './random-scenario';
import { StudioEngine } from './studio-engine';

const SEEDS = Array.from({ length: 24 }, (_, i) => 1000 + i);

/** Counts the level path's readings, and those its regions decided without reading the indicators. */
function countReadings(): { readings: number; fromRegions: number; restore(): void } {
  const sideAt = LevelCondition.prototype.sideAt;
  const counts = { readings: 0, fromRegions: 0 };
  const spy = jest.spyOn(LevelCondition.prototype, 'sideAt').mockImplementation(function (this: LevelCondition, price: number) {
    counts.readings++;
    if ((price >= this.lowFrom && price <= this.lowTo) || (price >= this.highFrom && price <= this.highTo)) counts.fromRegions++;
    return sideAt.call(this, price);
  });
  return Object.assign(counts, { restore: () => spy.mockRestore() });
}

describe('the level path fires exactly as reading every rule in full (randomized, seeded)', () => {
  it.each(SEEDS)('seed %i: same firings (values and explanations), counts and re-arm changes', (seed) => {
    const counted = countReadings();
    const levels = runScenario(new StudioEngine(), seed);
    counted.restore();
    const full = runScenario(new StudioEngine({ levels: false }), seed);
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
