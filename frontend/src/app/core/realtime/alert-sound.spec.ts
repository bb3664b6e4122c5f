import { TestBed } from '@angular/core/testing';
import type { NotificationPreferences } from '@tradeassist/shared-types';
import { anAlertFired, somePreferences } from '../../../testing/factories';
import { FakeSocketFactory } from '../../../testing/fake-socket';
import { liveWithPreferences } from '../../../testing/live-with-preferences';
import { AUDIO_CONTEXT_FACTORY, AlertSound, MUTE_STORAGE_KEY, type AudioContextLike } from './alert-sound';
import { RealtimeService, SOCKET_FACTORY } from './realtime.service';

/** Records what would be played: each oscillator's wave, pitch and start/stop times. */
class FakeAudioContext {
  currentTime = 10;
  state: AudioContextState = 'running';
  readonly destination = {} as AudioDestinationNode;
  readonly played: { wave: string; hz: number; start: number; stop: number }[] = [];
  resume = jest.fn(() => Promise.resolve());

  createOscillator(): OscillatorNode {
    const entry = { wave: '', hz: 0, start: 0, stop: 0 };
    const node = {
      set type(wave: string) {
        entry.wave = wave;
      },
      frequency: { setValueAtTime: (hz: number) => (entry.hz = hz) },
      connect: (next: unknown) => next,
      start: (at: number) => {
        entry.start = at;
        this.played.push(entry);
      },
      stop: (at: number) => (entry.stop = at),
    };
    return node as unknown as OscillatorNode;
  }

  createGain(): GainNode {
    const param = { setValueAtTime: jest.fn(), linearRampToValueAtTime: jest.fn() };
    return { gain: param, connect: (next: unknown) => next } as unknown as GainNode;
  }
}

describe('AlertSound', () => {
  let fake: FakeAudioContext;
  let created: number;

  function setUp(factory: () => AudioContextLike | null = () => (created++, fake)): AlertSound {
    TestBed.configureTestingModule({ providers: [{ provide: AUDIO_CONTEXT_FACTORY, useValue: factory }] });
    return TestBed.inject(AlertSound);
  }

  beforeEach(() => {
    localStorage.clear();
    fake = new FakeAudioContext();
    created = 0;
  });

  it('plays a different pattern per priority: one low beep up to three fast high ones', () => {
    const sound = setUp();
    const pattern = (priority: 'low' | 'normal' | 'high' | 'urgent'): string[] => {
      fake.played.length = 0;
      expect(sound.play(priority)).toBe(true);
      return fake.played.map((p) => `${p.wave} ${p.hz}`);
    };
    expect(pattern('low')).toEqual(['sine 440']);
    expect(pattern('normal')).toEqual(['sine 660']);
    expect(pattern('high')).toEqual(['triangle 660', 'triangle 880']);
    expect(pattern('urgent')).toEqual(['square 988', 'square 988', 'square 1319']);
    // Beeps follow one another, none overlapping, and the whole tone stays short.
    for (let i = 1; i < fake.played.length; i++) expect(fake.played[i]!.start).toBeGreaterThan(fake.played[i - 1]!.stop - 0.03);
    expect(fake.played.at(-1)!.stop - fake.currentTime).toBeLessThan(0.6);
    // One context for the whole session.
    expect(created).toBe(1);
  });

  it('stays silent when muted, and remembers the choice in localStorage', () => {
    const sound = setUp();
    sound.setMuted(true);
    expect(localStorage.getItem(MUTE_STORAGE_KEY)).toBe('true');
    expect(sound.play('urgent')).toBe(false);
    expect(fake.played).toEqual([]);
    // A context is not even created while muted.
    expect(created).toBe(0);

    TestBed.resetTestingModule();
    const again = setUp();
    expect(again.muted()).toBe(true);
    again.setMuted(false);
    expect(again.play('normal')).toBe(true);
  });

  it('plays a tone on request even while muted, for the settings page', () => {
    const sound = setUp();
    sound.setMuted(true);
    expect(sound.preview('high')).toBe(true);
    expect(fake.played.map((p) => p.hz)).toEqual([660, 880]);
    expect(sound.muted()).toBe(true);
  });

  it('resumes a context the browser started suspended', () => {
    fake.state = 'suspended';
    setUp().play('high');
    expect(fake.resume).toHaveBeenCalled();
  });

  it('does nothing where there is no Web Audio (jsdom), and survives a constructor that throws', () => {
    expect(TestBed.inject(AlertSound).play('urgent')).toBe(false);
    TestBed.resetTestingModule();
    const throwing = setUp(() => {
      throw new Error('AudioContext not allowed');
    });
    expect(throwing.play('urgent')).toBe(false);
    expect(throwing.play('urgent')).toBe(false);
  });

  it('plays the priority of each alert_fired once started', () => {
    const sockets = new FakeSocketFactory();
    TestBed.configureTestingModule({
      providers: [
        { provide: AUDIO_CONTEXT_FACTORY, useValue: () => fake },
        { provide: SOCKET_FACTORY, useValue: sockets.create },
      ],
    });
    TestBed.inject(AlertSound).start();
    const realtime = TestBed.inject(RealtimeService);
    realtime.connect('ws://x/ws/realtime');
    sockets.last.open();
    sockets.last.push('alert_fired', anAlertFired({ priority: 'urgent' }));
    expect(fake.played.map((p) => p.hz)).toEqual([988, 988, 1319]);
    // A rule (or its owner's settings) without sound: the server says so, and nothing plays.
    sockets.last.push('alert_fired', anAlertFired({ priority: 'urgent', sound: false }));
    expect(fake.played).toHaveLength(3);
    realtime.disconnect();
  });

  it('stays quiet while the user has in_app silent or off, or sound off, or the alert is under their minimum', async () => {
    async function fire(prefs: NotificationPreferences): Promise<void> {
      TestBed.resetTestingModule();
      const providers = [{ provide: AUDIO_CONTEXT_FACTORY, useValue: () => fake }];
      const socket = await liveWithPreferences(prefs, providers, () => TestBed.inject(AlertSound).start());
      socket.push('alert_fired', anAlertFired({ priority: 'high' }));
      TestBed.inject(RealtimeService).disconnect();
    }
    await fire(somePreferences({ channels: { in_app: { mode: 'silent', min_priority: 'low' } } }));
    await fire(somePreferences({ channels: { in_app: { mode: 'off', min_priority: 'low' } } }));
    await fire(somePreferences({ channels: { sound: { mode: 'off', min_priority: 'low' } } }));
    await fire(somePreferences({ channels: { sound: { mode: 'on', min_priority: 'urgent' } } }));
    expect(fake.played).toEqual([]);
    // The same alert with both channels on plays.
    await fire(somePreferences({ channels: { in_app: { mode: 'on', min_priority: 'high' } } }));
    expect(fake.played.map((p) => p.hz)).toEqual([660, 880]);
  });
});
