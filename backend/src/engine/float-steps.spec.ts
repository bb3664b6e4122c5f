import { nextDown, nextUp } from './float-steps';
import { seededRandom } from './test-support';

describe('nextUp / nextDown', () => {
  it('steps to the adjacent double, nothing in between', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(nextUp(-Number.MIN_VALUE)).toBe(-0);
    expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    expect(nextDown(-Number.MAX_VALUE)).toBe(-Infinity);
  });

  it('keeps infinities at their own end and NaN as NaN', () => {
    expect(nextUp(Infinity)).toBe(Infinity);
    expect(nextDown(-Infinity)).toBe(-Infinity);
    expect(nextUp(-Infinity)).toBe(-Number.MAX_VALUE);
    expect(nextDown(Infinity)).toBe(Number.MAX_VALUE);
    expect(nextUp(NaN)).toBeNaN();
    expect(nextDown(NaN)).toBeNaN();
  });

  it('turns a strict comparison into an inclusive one on random prices', () => {
    const rand = seededRandom(5);
    for (let i = 0; i < 2000; i++) {
      const a = Math.round((rand() - 0.5) * 1e6) / 100;
      // Prices on the same grid and a hair either side of a.
      for (const p of [a, a + 0.01, a - 0.01, nextUp(a), nextDown(a)]) {
        expect(p >= nextUp(a)).toBe(p > a);
        expect(p <= nextDown(a)).toBe(p < a);
      }
    }
  });
});
