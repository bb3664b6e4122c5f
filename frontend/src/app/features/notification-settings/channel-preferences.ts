import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ALERT_PRIORITIES, DIGEST_WINDOWS_MINUTES, type ChannelMode } from '@tradeassist/shared-types';
import { CHANNEL_LABELS } from '../../shared/delivery-status';
import { MatcherCache, errorAt, fieldError, type FieldErrors } from '../../shared/field-errors';
import { patchAt } from '../../shared/lists';
import { digestable, modesOf, type ChannelRow } from './preferences-draft';

const MODE_LABELS: Readonly<Record<ChannelMode, string>> = { on: 'On', silent: 'Silent', off: 'Off' };

function digestLabel(minutes: number): string {
  if (minutes === 0) return 'Each alert';
  return minutes === 60 ? 'Hourly digest' : `${minutes}-minute digest`;
}

/** The row's two choices from a list: the lowest priority that gets through, and the digest window (outbox channels only). */
const COLUMNS = [
  {
    key: 'min_priority',
    label: 'minimum priority',
    testid: 'priority',
    options: ALERT_PRIORITIES.map((p) => ({ value: p, label: p === 'low' ? 'low (all alerts)' : `${p} and above` })),
    applies: (): boolean => true,
  },
  {
    key: 'digest_minutes',
    label: 'digest window',
    testid: 'digest',
    options: DIGEST_WINDOWS_MINUTES.map((m) => ({ value: m, label: digestLabel(m) })),
    applies: digestable,
  },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

/** Per channel: on, silent or off; the lowest priority that gets through; and an optional digest window. */
@Component({
  selector: 'ta-channel-preferences',
  imports: [FormsModule, MatButtonToggleModule, MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="grid">
      <span class="head">Channel</span>
      <span class="head">Mode</span>
      <span class="head">Minimum priority</span>
      <span class="head">Delivery</span>
      @for (row of rows(); track row.channel; let i = $index) {
        <span class="name" [id]="'pref-name-' + row.channel">{{ labels[row.channel] }}</span>
        <div class="mode">
          <mat-button-toggle-group
            [ngModel]="row.mode"
            (ngModelChange)="patch(i, { mode: $event })"
            [attr.aria-label]="labels[row.channel] + ' mode'"
            hideSingleSelectionIndicator
            [attr.data-testid]="'pref-mode-' + row.channel"
          >
            @for (m of modesOf(row.channel); track m) {
              <mat-button-toggle [value]="m">{{ modeLabels[m] }}</mat-button-toggle>
            }
          </mat-button-toggle-group>
          @if (error('channels.' + row.channel + '.mode') ?? exact('channels.' + row.channel); as e) {
            <span class="error" role="alert">{{ e }}</span>
          }
        </div>
        @for (col of columns; track col.key) {
          @if (col.applies(row.channel)) {
            <mat-form-field subscriptSizing="dynamic">
              <mat-select
                [ngModel]="row[col.key]"
                (ngModelChange)="set(i, col.key, $event)"
                [disabled]="row.mode === 'off'"
                [errorStateMatcher]="matchers.at('channels.' + row.channel + '.' + col.key)"
                [attr.aria-label]="labels[row.channel] + ' ' + col.label"
                [attr.data-testid]="'pref-' + col.testid + '-' + row.channel"
              >
                @for (o of col.options; track o.value) {
                  <mat-option [value]="o.value">{{ o.label }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ error('channels.' + row.channel + '.' + col.key) }}</mat-error>
            </mat-form-field>
          } @else {
            <span class="dim">Each alert, as it fires</span>
          }
        }
      }
    </div>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: minmax(90px, auto) auto minmax(180px, 1fr) minmax(180px, 1fr);
      gap: 8px 16px;
      align-items: center;
    }
    .head {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .name {
      font: var(--mat-sys-title-small);
    }
    .mode {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .dim {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ChannelPreferences {
  readonly rows = model.required<ChannelRow[]>();
  /** The server's messages by body path ('channels.slack.mode', ...). */
  readonly errors = input<FieldErrors>({});

  protected readonly labels = CHANNEL_LABELS;
  protected readonly modeLabels = MODE_LABELS;
  protected readonly columns = COLUMNS;
  protected readonly modesOf = modesOf;
  protected readonly exact = (path: string): string | null => errorAt(this.errors(), path);
  protected readonly matchers = new MatcherCache(() => this.errors(), 'below');

  protected patch(index: number, change: Partial<ChannelRow>): void {
    this.rows.update((rows) => patchAt(rows, index, change));
  }

  protected set(index: number, key: ColumnKey, value: ChannelRow[ColumnKey]): void {
    this.patch(index, { [key]: value });
  }

  protected error(path: string): string | null {
    return fieldError(this.errors(), path);
  }
}
