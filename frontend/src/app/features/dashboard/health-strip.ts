import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { HealthResponse } from '@tradeassist/shared-types';
import { formatTime } from '../../shared/format';

/** One line of system facts above the watchlist, refreshed by the server's health pushes. */
@Component({
  selector: 'ta-health-strip',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (health(); as h) {
      <div class="strip" [class.stale]="stale()" data-testid="health-strip">
        @if (stale()) {
          <span class="item">Last known:</span>
        }
        <span class="item" [class]="h.status"
          ><mat-icon inline>{{ icon() }}</mat-icon
          >System {{ h.status }}</span
        >
        <span class="item" [class.stalled]="!h.ingestion_active"
          >Feed {{ h.ingestion_active ? 'active' : 'stalled' }} · last tick {{ time(h.last_tick) }}</span
        >
        <span class="item">{{ h.active_instruments }} active {{ h.active_instruments === 1 ? 'instrument' : 'instruments' }}</span>
        <span class="item">{{ h.total_rules }} {{ h.total_rules === 1 ? 'rule' : 'rules' }}</span>
        <span class="item">Last alert {{ time(h.last_alert) }}</span>
      </div>
    }
  `,
  styles: `
    .strip {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 20px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .stale {
      opacity: 0.6;
    }
    .item {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .healthy {
      color: var(--ta-up);
    }
    .degraded,
    .stalled {
      color: var(--ta-warn);
    }
    .unhealthy {
      color: var(--ta-down);
    }
  `,
})
export class HealthStrip {
  readonly health = input.required<HealthResponse | null>();
  /** True while the socket is down: the report may be out of date. */
  readonly stale = input(false);
  protected readonly icon = computed(() => {
    const status = this.health()?.status;
    return status === 'healthy' ? 'check_circle' : status === 'degraded' ? 'warning' : 'error';
  });
  /** Time of day for today, the full date for anything older. */
  protected time(iso: string | null): string {
    if (!iso) return '—';
    const full = formatTime(iso);
    return `${full.startsWith(new Date().toISOString().slice(0, 10)) ? full.slice(11) : full} UTC`;
  }
}
