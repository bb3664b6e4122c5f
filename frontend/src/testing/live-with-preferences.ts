import type { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { NotificationPreferences } from '@tradeassist/shared-types';
import { PreferencesApi } from '../app/core/api/preferences-api';
import { NotificationPreferencesStore } from '../app/core/notifications/notification-preferences';
import { RealtimeService, SOCKET_FACTORY } from '../app/core/realtime/realtime.service';
import { FakeSocketFactory, type FakeSocket } from './fake-socket';

/**
 * A console whose user has these notification settings: the store loaded from a fake API, the
 * service under test started, and the realtime socket open. Returns the socket to push frames into.
 */
export async function liveWithPreferences(prefs: NotificationPreferences, providers: Provider[], start: () => void): Promise<FakeSocket> {
  const sockets = new FakeSocketFactory();
  TestBed.configureTestingModule({
    providers: [
      { provide: SOCKET_FACTORY, useValue: sockets.create },
      { provide: PreferencesApi, useValue: { get: () => Promise.resolve(prefs) } },
      ...providers,
    ],
  });
  await TestBed.inject(NotificationPreferencesStore).load();
  start();
  TestBed.inject(RealtimeService).connect('ws://x/ws/realtime');
  sockets.last.open();
  return sockets.last;
}
