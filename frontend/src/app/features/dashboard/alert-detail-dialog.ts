import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AlertDetail, AlertExplanation } from '@tradeassist/shared-types';
import { AlertsApi } from '../../core/api/alerts-api';
import { ApiError } from '../../core/api/api-error';
import { formatPrice, formatTime } from '../../shared/format';
import { CONDITION_LABELS, RULE_TYPE_LABELS } from '../rules/rule-labels';
import { AlertDeliveries } from './alert-deliveries';

/** Why an alert fired: the tick, the values compared, and the rule exactly as it stood then. */
@Component({
  selector: 'ta-alert-detail-dialog',
  imports: [MatDialogModule, MatButtonModule, MatProgressBarModule, AlertDeliveries],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Why this alert fired</h2>
    <mat-dialog-content>
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      } @else if (detail(); as a) {
        <p class="message" data-testid="alert-detail-message">{{ a.alert_message }}</p>
        <p class="meta">{{ time(a.timestamp) }} UTC · {{ a.instrument_symbol }} · fired in {{ a.evaluation_time_ms.toFixed(3) }} ms</p>
        @if (a.explanation; as x) {
          <h3>What was compared</h3>
          <table class="facts" data-testid="alert-explanation">
            <tr>
              <th>{{ measureLabel(x) }}</th>
              <td>{{ measure(x, x.trigger_value) }} against {{ measure(x, x.threshold_value) }}</td>
            </tr>
            <tr>
              <th>Tick price</th>
              <td>{{ price(x.price) }}</td>
            </tr>
            <tr>
              <th>Previous price</th>
              <td>{{ price(x.previous_price) }}</td>
            </tr>
            @if (x.reference_price !== null) {
              <tr>
                <th>Reference price</th>
                <td>{{ price(x.reference_price) }}, the earliest in the {{ x.window_seconds }} s window</td>
              </tr>
            }
            <tr>
              <th>Bid / ask</th>
              <td>{{ price(x.bid) }} / {{ price(x.ask) }}</td>
            </tr>
            <tr>
              <th>Tick volume</th>
              <td>{{ x.volume }}</td>
            </tr>
            <tr>
              <th>Evaluated</th>
              <td>on the tick as it arrived (intrabar)</td>
            </tr>
          </table>
        } @else {
          <p class="meta">This alert was recorded before explanations were kept.</p>
        }
        <h3>The rule when it fired</h3>
        @if (a.rule_definition; as r) {
          <table class="facts" data-testid="alert-rule-version">
            <tr>
              <th>Rule</th>
              <td>{{ r.definition.name ?? 'Rule ' + r.rule_id }} · version {{ r.version }}</td>
            </tr>
            <tr>
              <th>Condition</th>
              <td>{{ typeLabel(r.definition.rule_type) }}: {{ conditionLabel(r.definition.condition) }} {{ r.definition.threshold }}</td>
            </tr>
            <tr>
              <th>Cooldown</th>
              <td>{{ r.definition.cooldown_seconds }} s</td>
            </tr>
            <tr>
              <th>Version by</th>
              <td>{{ r.changed_by ?? 'unknown' }}, {{ time(r.changed_at) }} UTC</td>
            </tr>
          </table>
        } @else {
          <p class="meta">Rule {{ a.rule_id }}, version {{ a.rule_version }} (its definition predates the rule history).</p>
        }
        <ta-alert-deliveries [alertId]="a.id" />
      } @else {
        <mat-progress-bar mode="indeterminate" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .message {
      font: var(--mat-sys-title-medium);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .facts th {
      text-align: left;
      font-weight: 500;
      padding: 2px 16px 2px 0;
      white-space: nowrap;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AlertDetailDialog implements OnInit {
  private readonly alertId = inject<number>(MAT_DIALOG_DATA);
  private readonly api = inject(AlertsApi);
  protected readonly detail = signal<AlertDetail | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly time = formatTime;
  protected readonly price = formatPrice;
  protected readonly typeLabel = (t: keyof typeof RULE_TYPE_LABELS): string => RULE_TYPE_LABELS[t];
  protected readonly conditionLabel = (c: keyof typeof CONDITION_LABELS): string => CONDITION_LABELS[c];

  ngOnInit(): void {
    this.api.get(this.alertId).then(
      (detail) => this.detail.set(detail),
      (e: unknown) => this.error.set(ApiError.from(e).message),
    );
  }

  protected measureLabel(x: AlertExplanation): string {
    return x.measure === 'percent_change' ? 'Change over the window' : x.measure === 'volume' ? 'Tick volume' : 'Price';
  }

  protected measure(x: AlertExplanation, value: number): string {
    return x.measure === 'percent_change' ? `${value.toFixed(4)} %` : x.measure === 'volume' ? String(value) : formatPrice(value);
  }
}
