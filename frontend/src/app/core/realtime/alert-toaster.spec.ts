import { TestBed } from '@angular/core/testing';
import { ToastrService } from 'ngx-toastr';
import { anAlertFired } from '../../../testing/factories';
import { FakeSocketFactory } from '../../../testing/fake-socket';
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
});
