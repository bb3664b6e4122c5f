import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { AuthService } from './core/auth/auth.service';
import { NotificationCenter } from './core/notifications/notification-center';
import { NotificationPreferencesStore } from './core/notifications/notification-preferences';
import { AlertSound } from './core/realtime/alert-sound';
import { AlertToaster } from './core/realtime/alert-toaster';
import { QuoteBook } from './core/realtime/quote-book';
import { RealtimeService } from './core/realtime/realtime.service';
import { Shell } from './core/shell/shell';

@Component({
  selector: 'ta-root',
  imports: [Shell],
  template: '<ta-shell />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly realtime = inject(RealtimeService);
  private readonly auth = inject(AuthService);

  constructor() {
    inject(AlertToaster).start();
    inject(AlertSound).start();
    inject(NotificationCenter).start();
    // The user's own settings decide whether toasts and tones go off (in_app silent or off: neither).
    inject(NotificationPreferencesStore).start();
    // Quotes are kept from the first tick on, whichever page is open.
    inject(QuoteBook).start();
    // The socket needs a session (the upgrade is refused without one): open it on sign-in, close it on sign-out.
    effect(() => {
      const user = this.auth.user();
      if (user && !user.must_change_password) this.realtime.connect();
      else this.realtime.disconnect();
    });
  }
}
