import { SessionMatcher } from './session-matcher';

const at = (iso: string): number => Date.parse(iso);

describe('SessionMatcher', () => {
  it('regular: Monday to Friday 09:30–16:00 New York time, daylight saving included', () => {
    // The instrument's timezone does not move the US cash session.
    const regular = SessionMatcher.of({ kind: 'regular' }, 'Asia/Tokyo') as SessionMatcher;
    // Friday 6 March 2026 (EST, UTC−5): 09:29 out, 09:30 in, 15:59 in, 16:00 out.
    expect(regular.matches(at('2026-03-06T14:29:59Z'))).toBe(false);
    expect(regular.matches(at('2026-03-06T14:30:00Z'))).toBe(true);
    expect(regular.matches(at('2026-03-06T20:59:59Z'))).toBe(true);
    expect(regular.matches(at('2026-03-06T21:00:00Z'))).toBe(false);
    // Monday 9 March 2026, after the switch to EDT (UTC−4): 09:30 is 13:30 UTC.
    expect(regular.matches(at('2026-03-09T13:30:00Z'))).toBe(true);
    expect(regular.matches(at('2026-03-09T13:29:00Z'))).toBe(false);
    // Saturday.
    expect(regular.matches(at('2026-03-07T15:00:00Z'))).toBe(false);
  });

  it('custom windows in their own timezone', () => {
    const london = new SessionMatcher('Europe/London', [
      { days: [1, 2, 3, 4, 5], start: '08:00', end: '12:00' },
      { days: [6], start: '10:00', end: '11:00' },
    ]);
    // 15 July 2026 is a Wednesday in British Summer Time (UTC+1).
    expect(london.matches(at('2026-07-15T06:59:00Z'))).toBe(false);
    expect(london.matches(at('2026-07-15T07:00:00Z'))).toBe(true);
    expect(london.matches(at('2026-07-18T09:30:00Z'))).toBe(true);
    expect(london.matches(at('2026-07-19T09:30:00Z'))).toBe(false);
  });

  it("custom windows without a timezone run in the instrument's; with one, in their own", () => {
    const windows = [{ days: [3], start: '08:00', end: '09:00' }];
    const instruments = SessionMatcher.of({ kind: 'custom', windows }, 'Europe/London') as SessionMatcher;
    const own = SessionMatcher.of({ kind: 'custom', timezone: 'America/New_York', windows }, 'Europe/London') as SessionMatcher;
    // Wednesday 15 July 2026: 08:30 in London (BST) is 07:30 UTC; 08:30 in New York (EDT) is 12:30 UTC.
    expect([instruments.matches(at('2026-07-15T07:30:00Z')), instruments.matches(at('2026-07-15T12:30:00Z'))]).toEqual([true, false]);
    expect([own.matches(at('2026-07-15T07:30:00Z')), own.matches(at('2026-07-15T12:30:00Z'))]).toEqual([false, true]);
  });

  it('a window may end at 24:00, its last minute included', () => {
    const evening = new SessionMatcher('UTC', [{ days: [1], start: '22:00', end: '24:00' }]);
    expect(evening.matches(Date.parse('2026-03-09T23:59:30Z'))).toBe(true);
    expect(evening.matches(Date.parse('2026-03-10T00:00:00Z'))).toBe(false);
  });

  it('always (or none) needs no matcher', () => {
    expect(SessionMatcher.of(null, 'UTC')).toBeNull();
    expect(SessionMatcher.of({ kind: 'always' }, 'UTC')).toBeNull();
  });
});
