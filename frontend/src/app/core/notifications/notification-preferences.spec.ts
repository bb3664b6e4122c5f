import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { anErrorBody, aUser, somePreferences } from '../../../testing/factories';
import { settleMicrotasks as settle } from '../../../testing/microtasks';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { ApiError } from '../api/api-error';
import { AuthService } from '../auth/auth.service';
import { NotificationPreferencesStore } from './notification-preferences';

const URL = '/api/me/notification-preferences';

describe('NotificationPreferencesStore', () => {
  let http: HttpTestingController;
  let store: NotificationPreferencesStore;

  beforeEach(() => {
    ({ http } = configurePageTestBed());
    store = TestBed.inject(NotificationPreferencesStore);
  });

  afterEach(() => http.verify());

  it('loads once on sign-in, forgets on sign-out, and loads again for the next user', async () => {
    store.start();
    store.start();
    TestBed.tick();
    await settle();
    http.expectOne({ method: 'GET', url: URL }).flush(somePreferences({ channels: { in_app: { mode: 'silent', min_priority: 'low' } } }));
    await settle();
    expect(store.preferences()?.channels.in_app?.mode).toBe('silent');

    TestBed.inject(AuthService).user.set(null);
    TestBed.tick();
    expect(store.preferences()).toBeNull();
    // Signed out, the server's defaults apply: every channel on.
    expect(store.alerts('in_app', 'low')).toBe(true);

    TestBed.inject(AuthService).user.set({ ...aUser('viewer'), id: 2, username: 'bob' });
    TestBed.tick();
    await settle();
    http.expectOne(URL).flush(somePreferences());
    await settle();
    expect(store.preferences()).toEqual(somePreferences());
  });

  it('does not load while the password must be changed (the server refuses everything else)', async () => {
    TestBed.inject(AuthService).user.set({ ...aUser(), must_change_password: true });
    store.start();
    TestBed.tick();
    await settle();
    http.expectNone(URL);
    expect(store.preferences()).toBeNull();
  });

  it('saves with PUT and keeps what the server answered', async () => {
    const body = somePreferences({ default_channels: ['in_app', 'slack'], channels: { slack: { mode: 'on', min_priority: 'high' } } });
    const saving = store.save(body);
    const put = http.expectOne({ method: 'PUT', url: URL });
    expect(put.request.body).toEqual(body);
    put.flush({ ...body, quiet_hours: null });
    expect(await saving).toEqual(body);
    expect(store.preferences()).toEqual(body);
    expect(store.alerts('slack', 'normal')).toBe(false);
    expect(store.alerts('slack', 'urgent')).toBe(true);
  });

  it('passes a refused save on as an ApiError and keeps what it had', async () => {
    const had = somePreferences({ channels: { slack: { mode: 'off', min_priority: 'low' } } });
    const first = store.save(had);
    http.expectOne({ method: 'PUT', url: URL }).flush(had);
    await first;
    const saving = store.save(somePreferences());
    http
      .expectOne(URL)
      .flush(anErrorBody({ status_code: 422, message: 'Validation failed' }), { status: 422, statusText: 'Unprocessable' });
    await expect(saving).rejects.toBeInstanceOf(ApiError);
    expect(store.preferences()).toEqual(had);
  });

  it('shares one request between callers loading at the same moment', async () => {
    const [a, b] = [store.load(), store.load()];
    http.expectOne({ method: 'GET', url: URL }).flush(somePreferences());
    expect(await a).toEqual(await b);
    // Once answered, the next load asks again.
    const again = store.load();
    http.expectOne({ method: 'GET', url: URL }).flush(somePreferences());
    await again;
  });

  it('alerts only in mode on, and only at or above the minimum priority', async () => {
    const loading = store.load();
    http.expectOne(URL).flush(
      somePreferences({
        channels: {
          in_app: { mode: 'on', min_priority: 'high' },
          sound: { mode: 'off', min_priority: 'low' },
          slack: { mode: 'silent', min_priority: 'low' },
        },
      }),
    );
    await loading;
    expect(['low', 'normal', 'high', 'urgent'].map((p) => store.alerts('in_app', p as 'low'))).toEqual([false, false, true, true]);
    expect(store.alerts('sound', 'urgent')).toBe(false);
    expect(store.alerts('slack', 'urgent')).toBe(false);
    // Not listed: on for every priority.
    expect(store.alerts('email', 'low')).toBe(true);
  });
});
