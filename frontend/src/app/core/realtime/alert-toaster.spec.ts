import { TestBed } from '@angular/core/testing';
import { ToastrService } from 'ngx-toastr';
import type { NotificationPreferences } from '@tradeassist/shared-types';
import { anAlertFired, somePreferences } from '../../../testing/factories';
import { FakeSocketFactory, type FakeSocket } from '../../../testing/fake-socket';
import { liveWithPreferences } from '../../../testing/live-with-preferences';
import { AlertToaster } from './alert-toaster';
import { RealtimeService, SOCKET_FACTORY } from './realtime.service';

describe('AlertToaster', () => {
  it('shows one toast per alert_fired by priority: info for low and normal, warning for high, error for urgent', () => {
    const toastr = { info: jest.fn(), warning: jest.fn(), error: jest.fn() };
    const sockets = new FakeSocketFactory();
    TestBed.configureTestingModule({
      providers: [
        { provide: ToastrService, useValue: toastr },
        { provide: SOCKET_FACTORY, useValue: sockets.create },
      ],
    });
    TestBed.inject(AlertToaster).start();
    const realtime = TestBed.inject(RealtimeService);
    realtime.connect('ws://x/ws/realtime');
    sockets.last.open();

    sockets.last.push('alert_fired', anAlertFired());
    sockets.last.push('alert_fired', anAlertFired({ alert_id: 9, priority: 'low', message: 'low one' }));
    sockets.last.push('alert_fired', anAlertFired({ alert_id: 10, priority: 'high', message: 'high one' }));
    sockets.last.push(
      'alert_fired',
      anAlertFired({ alert_id: 8, rule_name: null, rule_id: 4, priority: 'urgent', message: 'TICK below -1000' }),
    );

    expect(toastr.info.mock.calls.map((c: unknown[]) => c[0])).toEqual(['ES is above 6100 at 6101', 'low one']);
    expect(toastr.info).toHaveBeenCalledWith('ES is above 6100 at 6101', 'ES · ES breakout', expect.objectContaining({ timeOut: 8000 }));
    expect(toastr.warning).toHaveBeenCalledTimes(1);
    expect(toastr.warning).toHaveBeenCalledWith('high one', 'ES · ES breakout', expect.objectContaining({ timeOut: 8000 }));
    expect(toastr.error).toHaveBeenCalledTimes(1);
    // Urgent alerts stay until dismissed.
    expect(toastr.error).toHaveBeenCalledWith('TICK below -1000', 'ES · Rule 4', expect.objectContaining({ timeOut: 0 }));
    realtime.disconnect();
  });

  describe('with the user’s in_app settings', () => {
    const toastr = { info: jest.fn(), warning: jest.fn(), error: jest.fn() };
    const start = (prefs: NotificationPreferences): Promise<FakeSocket> =>
      liveWithPreferences(prefs, [{ provide: ToastrService, useValue: toastr }], () => TestBed.inject(AlertToaster).start());
    const toasts = (): number => toastr.info.mock.calls.length + toastr.warning.mock.calls.length + toastr.error.mock.calls.length;

    beforeEach(() => jest.clearAllMocks());
    afterEach(() => TestBed.inject(RealtimeService).disconnect());

    it('shows no toast at all, even for urgent alerts, while in_app is silent or off', async () => {
      for (const mode of ['silent', 'off'] as const) {
        TestBed.resetTestingModule();
        const socket = await start(somePreferences({ channels: { in_app: { mode, min_priority: 'low' } } }));
        socket.push('alert_fired', anAlertFired({ priority: 'urgent' }));
        socket.push('alert_fired', anAlertFired({ priority: 'normal' }));
      }
      expect(toasts()).toBe(0);
    });

    it('toasts only from in_app’s minimum priority up while it is on', async () => {
      const socket = await start(somePreferences({ channels: { in_app: { mode: 'on', min_priority: 'high' } } }));
      socket.push('alert_fired', anAlertFired({ priority: 'normal', message: 'normal one' }));
      socket.push('alert_fired', anAlertFired({ priority: 'high', message: 'high one' }));
      expect(toastr.info).not.toHaveBeenCalled();
      expect(toastr.warning).toHaveBeenCalledWith('high one', 'ES · ES breakout', expect.anything());
    });
  });
});
