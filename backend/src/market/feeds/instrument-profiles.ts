/** How a simulated instrument behaves: its level, tick size, volatility per step and whether it trades. */
export interface InstrumentProfile {
  start: number;
  tick: number;
  /** Standard deviation of one step, as a fraction of price (or in points for oscillators). */
  sigma: number;
  /** Pulls the value back towards `mean` each step (0 = pure random walk). */
  reversion: number;
  mean?: number;
  min?: number;
  max?: number;
  tradable: boolean;
  /** Mean traded size per tick for tradables. */
  size: number;
}

const future = (start: number, tick: number, size: number): InstrumentProfile => ({
  start,
  tick,
  sigma: 0.00005,
  reversion: 0,
  tradable: true,
  size,
});
const index = (start: number): InstrumentProfile => ({ start, tick: 0.01, sigma: 0.00004, reversion: 0, tradable: false, size: 0 });

/** Realistic late-2026 levels for the seeded symbols; anything else gets GENERIC at its last price. */
export const PROFILES: Readonly<Record<string, InstrumentProfile>> = {
  ES: future(6000, 0.25, 6),
  NQ: future(21000, 0.25, 4),
  YM: future(44000, 1, 3),
  CL: { ...future(70, 0.01, 8), sigma: 0.0001 },
  GC: { ...future(2650, 0.1, 3), sigma: 0.00005 },
  SPX: index(6000),
  NDX: index(21000),
  RUT: { ...index(2350), sigma: 0.00006 },
  VIX: { start: 16, tick: 0.01, sigma: 0.004, reversion: 0.002, mean: 16, min: 9.5, max: 80, tradable: false, size: 0 },
  // Oscillators: sigma in points, strong pull to zero.
  TICK: { start: 0, tick: 1, sigma: 90, reversion: 0.08, mean: 0, min: -1600, max: 1600, tradable: false, size: 0 },
  ADD: { start: 0, tick: 1, sigma: 60, reversion: 0.01, mean: 0, min: -3000, max: 3000, tradable: false, size: 0 },
  TRIN: { start: 1, tick: 0.01, sigma: 0.03, reversion: 0.03, mean: 1, min: 0.3, max: 3, tradable: false, size: 0 },
};

export const GENERIC: InstrumentProfile = { start: 100, tick: 0.01, sigma: 0.0002, reversion: 0, tradable: true, size: 5 };

export function roundToTick(value: number, tick: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(tick)) + 1);
  return Number((Math.round(value / tick) * tick).toFixed(decimals));
}
