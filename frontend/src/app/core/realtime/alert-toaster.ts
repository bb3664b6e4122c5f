import { Injectable, inject } from '@angular/core';
import type { AlertFired } from '@tradeassist/shared-types';
import { ToastrService } from 'ngx-toastr';
import { NotificationPreferencesStore } from '../notifications/notification-preferences';
import { RealtimeService } from './realtime.service';

/**
 * A toast for every fired alert, whatever page is open, styled by priority; urgent ones stay until
 * dismissed. None while the user's in_app channel is silent or off, or set above the alert's priority.
 */
@Injectable({ providedIn: 'root' })
export class AlertToaster {
  private readonly toastr = inject(ToastrService);
  private readonly realtime = inject(RealtimeService);
  private readonly preferences = inject(NotificationPreferencesStore);

  start(): void {
    this.realtime.on('alert_fired').subscribe((alert) => {
      if (this.preferences.alerts('in_app', alert.priority)) this.show(alert);
    });
  }

  show(alert: AlertFired): void {
    const title = `${alert.symbol} · ${alert.rule_name ?? `Rule ${alert.rule_id}`}`;
    const options = { timeOut: alert.priority === 'urgent' ? 0 : 8000, extendedTimeOut: 2000, closeButton: true, progressBar: true };
    if (alert.priority === 'urgent') this.toastr.error(alert.message, title, options);
    else if (alert.priority === 'high') this.toastr.warning(alert.message, title, options);
    else this.toastr.info(alert.message, title, options);
  }
}
