import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { ConnectionState } from '../core/realtime/realtime.service';

const LABELS: Record<ConnectionState, { text: string; icon: string }> = {
  connecting: { text: 'Connecting…', icon: 'sync' },
  live: { text: 'Live', icon: 'wifi' },
  reconnecting: { text: 'Reconnecting…', icon: 'sync_problem' },
  offline: { text: 'Offline', icon: 'wifi_off' },
};

@Component({
  selector: 'ta-connection-chip',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="state()" data-testid="connection-state" role="status"
    ><mat-icon inline>{{ label().icon }}</mat-icon
    >{{ label().text }}</span
  >`,
  styles: `
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-large);
    }
    .live {
      background: color-mix(in srgb, var(--ta-up) 20%, transparent);
      color: var(--ta-up);
    }
    .connecting,
    .reconnecting {
      background: color-mix(in srgb, var(--ta-warn) 20%, transparent);
      color: var(--ta-warn);
    }
    .offline {
      background: color-mix(in srgb, var(--ta-down) 20%, transparent);
      color: var(--ta-down);
    }
  `,
})
export class ConnectionChip {
  readonly state = input.required<ConnectionState>();
  protected readonly label = computed(() => LABELS[this.state()]);
}
