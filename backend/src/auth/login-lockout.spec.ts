import { lockDurationMs, LOCKOUT_THRESHOLD } from './login-lockout';

describe('lockDurationMs', () => {
  it.each([
    [0, 0],
    [LOCKOUT_THRESHOLD - 1, 0],
    [LOCKOUT_THRESHOLD, 30_000],
    [LOCKOUT_THRESHOLD + 1, 60_000],
    [LOCKOUT_THRESHOLD + 4, 480_000],
    [LOCKOUT_THRESHOLD + 5, 900_000],
    [LOCKOUT_THRESHOLD + 50, 900_000],
  ])('after %i failures locks for %i ms', (failures, ms) => {
    expect(lockDurationMs(failures)).toBe(ms);
  });
});
