import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { Shell } from './core/shell/shell';
import { AlertToaster } from './core/realtime/alert-toaster';
import { RealtimeService } from './core/realtime/realtime.service';

@Component({
  selector: 'ta-root',
  imports: [Shell],
  template: '<ta-shell />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App implements OnInit {
  private readonly realtime = inject(RealtimeService);
  private readonly toaster = inject(AlertToaster);

  ngOnInit(): void {
    this.toaster.start();
    this.realtime.connect();
  }
}
