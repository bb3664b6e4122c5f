import type { AlertPriority } from '@tradeassist/shared-types';

/** One beep: a pitch (Hz) held for a duration (ms), then a gap (ms) before the next. */
export interface Beep {
  hz: number;
  ms: number;
  gapMs: number;
}

/**
 * A tone per priority, told apart by ear without looking: low is one soft low beep, normal one
 * mid beep, high two rising beeps, urgent three fast high beeps on a harsher wave.
 */
export const ALERT_TONES: Readonly<Record<AlertPriority, { wave: OscillatorType; gain: number; beeps: readonly Beep[] }>> = {
  low: { wave: 'sine', gain: 0.08, beeps: [{ hz: 440, ms: 140, gapMs: 0 }] },
  normal: { wave: 'sine', gain: 0.12, beeps: [{ hz: 660, ms: 160, gapMs: 0 }] },
  high: {
    wave: 'triangle',
    gain: 0.16,
    beeps: [
      { hz: 660, ms: 120, gapMs: 60 },
      { hz: 880, ms: 160, gapMs: 0 },
    ],
  },
  urgent: {
    wave: 'square',
    gain: 0.1,
    beeps: [
      { hz: 988, ms: 90, gapMs: 50 },
      { hz: 988, ms: 90, gapMs: 50 },
      { hz: 1319, ms: 180, gapMs: 0 },
    ],
  },
};
