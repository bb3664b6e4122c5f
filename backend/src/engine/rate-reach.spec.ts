import { floorTrigger } from './floor-predicate';
import { downLimit, quietRatio, upLimit } from './rate-reach';
import { Kind } from './rule-slot';
import { seededRandom } from './test-support';

/** Whether the contract's own predicate fires a rate rule for this price and reference. */
const fires = (kind: Kind, threshold: number, p: number, ref: number): boolean => floorTrigger(kind, threshold, p, null, 0, ref) !== null;

describe('rate-reach', () => {
  const rand = seededRandom(3);
  const grid = (x: number): number => Math.round(x * 100) / 100;

  it('no price up to upLimit fires an up rule, whatever reference in range; just past the exact edge, it does', () => {
    for (let i = 0; i < 5000; i++) {
      const lo = grid(1 + rand() * 1000);
      const hi = grid(lo * (1 + rand() * 0.02));
      const up = grid(0.01 + rand() * 5);
      const limit = upLimit(lo, up);
      for (const ref of [lo, hi, grid((lo + hi) / 2)]) expect(fires(Kind.rocUp, up, limit, ref)).toBe(false);
      // The bound is tight: a hair above the exact edge at the lowest reference fires.
      expect(fires(Kind.rocUp, up, lo * (1 + up / 100) * (1 + 1e-6), lo)).toBe(true);
    }
  });

  it('no price down to downLimit fires a down rule, whatever reference in range', () => {
    for (let i = 0; i < 5000; i++) {
      const lo = grid(1 + rand() * 1000);
      const hi = grid(lo * (1 + rand() * 0.02));
      const down = grid(0.01 + rand() * 50);
      const limit = downLimit(lo, hi, down);
      for (const ref of [lo, hi, grid((lo + hi) / 2)]) expect(fires(Kind.rocDown, down, limit, ref)).toBe(false);
      expect(fires(Kind.rocDown, down, hi * (1 - down / 100) * (1 - 1e-6), hi)).toBe(true);
    }
  });

  it('within quietRatio, neither direction fires for any price and reference in the interval', () => {
    for (let i = 0; i < 5000; i++) {
      const up = grid(0.01 + rand() * 5);
      const down = grid(0.01 + rand() * 5);
      const lo = grid(1 + rand() * 1000);
      const hi = lo * quietRatio(up, down);
      for (const [p, ref] of [
        [hi, lo],
        [lo, hi],
      ] as const) {
        expect(fires(Kind.rocUp, up, p, ref)).toBe(false);
        expect(fires(Kind.rocDown, down, p, ref)).toBe(false);
      }
    }
  });

  it('gives no bound where the percent change is not monotonic or a threshold is not positive', () => {
    expect([upLimit(0, 1), upLimit(-5, 1), upLimit(10, 0)]).toEqual([-Infinity, -Infinity, -Infinity]);
    expect([downLimit(0, 5, 1), downLimit(10, 12, 0), downLimit(10, 12, 100)]).toEqual([Infinity, Infinity, Infinity]);
    expect([quietRatio(0, 1), quietRatio(1, 100), quietRatio(-1, Infinity)]).toEqual([0, 0, 0]);
    // No armed rule in a direction: that direction never limits.
    expect([upLimit(-5, Infinity), downLimit(-5, 5, Infinity), quietRatio(Infinity, Infinity)]).toEqual([Infinity, -Infinity, Infinity]);
  });
});
