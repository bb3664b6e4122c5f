import { Injectable, InjectionToken, inject, signal } from '@angular/core';
import type { AlertPriority } from '@tradeassist/shared-types';
import { NotificationPreferencesStore } from '../notifications/notification-preferences';
import { ALERT_TONES } from './alert-tones';
import { RealtimeService } from './realtime.service';

/** The part of the Web Audio API a tone needs, so tests can hand in a fake. */
export type AudioContextLike = Pick<AudioContext, 'currentTime' | 'destination' | 'state' | 'createOscillator' | 'createGain' | 'resume'>;

/** Null where the browser (or jsdom) has no Web Audio: the console stays silent instead of failing. */
export const AUDIO_CONTEXT_FACTORY = new InjectionToken<() => AudioContextLike | null>('AUDIO_CONTEXT_FACTORY', {
  providedIn: 'root',
  factory: () => () => (typeof AudioContext === 'function' ? new AudioContext() : null),
});

export const MUTE_STORAGE_KEY = 'ta.sound.muted';

/** Short synthesized tones for fired alerts, one per priority, with a mute remembered by the browser. */
@Injectable({ providedIn: 'root' })
export class AlertSound {
  private readonly createContext = inject(AUDIO_CONTEXT_FACTORY);
  private readonly realtime = inject(RealtimeService);
  private readonly preferences = inject(NotificationPreferencesStore);
  private context: AudioContextLike | null | undefined;
  private readonly mutedSignal = signal(readMuted());
  readonly muted = this.mutedSignal.asReadonly();

  /** A tone for every fired alert, whatever page is open. */
  start(): void {
    // The server says whether the rule (and its owner's settings) want a sound for this alert;
    // this user's own settings may still keep the console quiet (in_app or sound silent or off).
    this.realtime.on('alert_fired').subscribe((alert) => {
      if (alert.sound !== false && this.preferences.alerts('in_app', alert.priority) && this.preferences.alerts('sound', alert.priority))
        this.play(alert.priority);
    });
  }

  setMuted(muted: boolean): void {
    this.mutedSignal.set(muted);
    try {
      localStorage.setItem(MUTE_STORAGE_KEY, String(muted));
    } catch {
      // Storage can be disabled (private mode): the choice then lasts for this page only.
    }
  }

  /** Whether a tone was scheduled. */
  play(priority: AlertPriority): boolean {
    return !this.mutedSignal() && this.preview(priority);
  }

  /** Plays a priority's tone even while muted (the settings page's "play" buttons); false without Web Audio. */
  preview(priority: AlertPriority): boolean {
    const ctx = this.audio();
    if (!ctx) return false;
    // Browsers start a context suspended until the page has had a user gesture; a sign-in click counts.
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    const tone = ALERT_TONES[priority];
    let at = ctx.currentTime + 0.01;
    for (const beep of tone.beeps) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = tone.wave;
      osc.frequency.setValueAtTime(beep.hz, at);
      const end = at + beep.ms / 1000;
      // A short ramp in and out avoids the click of a hard start and stop.
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(tone.gain, at + 0.01);
      gain.gain.linearRampToValueAtTime(0, end);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(end + 0.02);
      at = end + beep.gapMs / 1000;
    }
    return true;
  }

  /** Created on first use, never again after a failure. */
  private audio(): AudioContextLike | null {
    if (this.context === undefined) {
      try {
        this.context = this.createContext();
      } catch {
        this.context = null;
      }
    }
    return this.context;
  }
}

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}
