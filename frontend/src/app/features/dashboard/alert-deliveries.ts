import { ChangeDetectionStrategy, Component, inject, input, signal, type OnInit } from '@angular/core';
import type { NotificationRecord } from '@tradeassist/shared-types';
import { AlertsApi } from '../../core/api/alerts-api';
import { ApiError } from '../../core/api/api-error';
import { DeliveryStatus, channelLabel } from '../../shared/delivery-status';

/** Where an alert went beyond the console: per channel, its status, attempts and last error. */
@Component({
  selector: 'ta-alert-deliveries',
  imports: [DeliveryStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3>Deliveries</h3>
    @if (error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    } @else if (records(); as list) {
      @if (list.length === 0) {
        <p class="meta">Shown in the console only; no other channel was notified.</p>
      } @else {
        <table class="deliveries" data-testid="alert-deliveries">
          <tr>
            <th>Channel</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>Last error</th>
          </tr>
          @for (r of list; track r.id) {
            <tr>
              <td>{{ label(r.channel) }}</td>
              <td><ta-delivery-status [status]="r.status" /></td>
              <td class="num">{{ r.attempts }}</td>
              <td class="last-error">{{ r.last_error ?? '—' }}</td>
            </tr>
          }
        </table>
      }
    } @else {
      <p class="meta">Loading deliveries…</p>
    }
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .deliveries {
      border-collapse: collapse;
      width: 100%;
    }
    th {
      text-align: left;
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
      padding: 2px 12px 2px 0;
    }
    td {
      padding: 4px 12px 4px 0;
      vertical-align: top;
    }
    .last-error {
      overflow-wrap: anywhere;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AlertDeliveries implements OnInit {
  readonly alertId = input.required<number>();
  private readonly api = inject(AlertsApi);
  protected readonly records = signal<NotificationRecord[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly label = channelLabel;

  ngOnInit(): void {
    this.api.deliveries(this.alertId()).then(
      (records) => this.records.set(records),
      (e: unknown) => this.error.set(ApiError.from(e).message),
    );
  }
}
