import { REGULAR_SESSION, type MarketSession, type SessionWindow } from '@tradeassist/shared-types';

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const MINUTE = 60_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Whether a tick time falls in a session's weekly windows, in the session's timezone (daylight
 * saving included, through Intl). The answer is kept per minute: a minute is in or out as a whole.
 */
export class SessionMatcher {
  private readonly format: Intl.DateTimeFormat;
  private readonly windows: { days: Set<number>; from: number; to: number }[];
  private cachedMinute = NaN;
  private cachedAnswer = false;

  constructor(timezone: string, windows: SessionWindow[]) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    this.windows = windows.map((w) => ({ days: new Set(w.days), from: minutesOf(w.start), to: minutesOf(w.end) }));
  }

  /** instrumentTimezone: where a custom session that names no timezone runs. */
  static of(session: MarketSession | null, instrumentTimezone: string): SessionMatcher | null {
    if (session === null || session.kind === 'always') return null;
    if (session.kind === 'regular') return new SessionMatcher(REGULAR_SESSION.timezone, REGULAR_SESSION.windows);
    return new SessionMatcher(session.timezone ?? instrumentTimezone, session.windows);
  }

  matches(tsMs: number): boolean {
    const minute = Math.floor(tsMs / MINUTE);
    if (minute !== this.cachedMinute) {
      this.cachedMinute = minute;
      this.cachedAnswer = this.compute(tsMs);
    }
    return this.cachedAnswer;
  }

  private compute(tsMs: number): boolean {
    let day = 0;
    let hour = 0;
    let min = 0;
    for (const part of this.format.formatToParts(tsMs)) {
      if (part.type === 'weekday') day = WEEKDAYS[part.value] ?? 0;
      else if (part.type === 'hour') hour = Number(part.value);
      else if (part.type === 'minute') min = Number(part.value);
    }
    const t = hour * 60 + min;
    return this.windows.some((w) => w.days.has(day) && t >= w.from && t < w.to);
  }
}

export { isTimezone } from '@tradeassist/shared-types';
