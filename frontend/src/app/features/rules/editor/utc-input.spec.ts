import { isoToUtcInput, utcInputToIso } from './utc-input';

describe('UTC datetime-local inputs', () => {
  it('shows an ISO time as the UTC wall clock, to the minute', () => {
    expect(isoToUtcInput('2026-12-24T16:00:30.000Z')).toBe('2026-12-24T16:00');
    expect(isoToUtcInput('2026-12-24T17:00:00+01:00')).toBe('2026-12-24T16:00');
    expect(isoToUtcInput(null)).toBe('');
  });

  it('reads the input back as UTC, blank or unreadable as null', () => {
    expect(utcInputToIso('2026-12-24T16:00')).toBe('2026-12-24T16:00:00.000Z');
    expect(utcInputToIso('2026-12-24T16:00:45')).toBe('2026-12-24T16:00:45.000Z');
    expect(utcInputToIso('')).toBeNull();
    expect(utcInputToIso('tomorrow')).toBeNull();
  });
});
