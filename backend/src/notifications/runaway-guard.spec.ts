import { RunawayGuard } from './runaway-guard';

describe('RunawayGuard', () => {
  const MIN = 60_000;

  it('trips on the firing past the limit within the window, not before', () => {
    const guard = new RunawayGuard(3, 10 * MIN);
    expect([0, 1, 2].map((i) => guard.note(7, i * MIN))).toEqual([false, false, false]);
    expect(guard.note(7, 3 * MIN)).toBe(true);
  });

  it('counts each rule on its own', () => {
    const guard = new RunawayGuard(2, MIN);
    guard.note(1, 0);
    guard.note(1, 1);
    expect(guard.note(2, 2)).toBe(false);
    expect(guard.note(1, 3)).toBe(true);
  });

  it('calms down once the firings spread out beyond the window', () => {
    const guard = new RunawayGuard(2, MIN);
    [0, 1, 2].forEach((t) => guard.note(1, t));
    expect(guard.note(1, 3)).toBe(true);
    // Two firings a window apart: the oldest of the last three is now outside the window.
    expect(guard.note(1, 2 * MIN)).toBe(false);
    expect(guard.note(1, 3 * MIN + 1)).toBe(false);
  });
});
