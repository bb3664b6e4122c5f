import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { BacktestFiring } from '@tradeassist/shared-types';
import { downloadText, toCsv, type CsvCell } from '../../../shared/files';
import { formatPrice, formatTime } from '../../../shared/format';

/** The firings as a spreadsheet reads them: one row each, a column per indicator any of them reports. */
export function backtestCsv(firings: readonly BacktestFiring[]): string {
  const indicators = [...new Set(firings.flatMap((f) => Object.keys(f.indicators ?? {})))];
  const header: CsvCell[] = ['timestamp', 'evaluated_on', 'price', 'trigger_value', 'threshold_value', ...indicators, 'message'];
  const rows = firings.map((f): CsvCell[] => [
    f.timestamp,
    f.evaluated_on,
    f.price,
    f.trigger_value,
    f.threshold_value,
    ...indicators.map((name) => f.indicators?.[name] ?? null),
    f.message,
  ]);
  return toCsv([header, ...rows]);
}

/** Every firing a backtest lists, in time order: when, on what, at which price, and the alert it would have sent. */
@Component({
  selector: 'ta-backtest-firings',
  imports: [DecimalPipe, MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroll">
      <table aria-label="Backtest firings" data-testid="backtest-firings">
        <thead>
          <tr>
            <th>Time (UTC)</th>
            <th>On</th>
            <th class="num">Price</th>
            <th>Alert</th>
          </tr>
        </thead>
        <tbody>
          @for (f of firings(); track $index) {
            <tr>
              <td class="time">{{ time(f.timestamp) }}</td>
              <td>{{ f.evaluated_on === 'bar_close' ? 'bar close' : 'tick' }}</td>
              <td class="num">{{ price(f.price) }}</td>
              <td>{{ f.message }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    <div class="footer">
      <p class="dim">{{ firings().length | number }} listed{{ truncated() ? ', the first of the range' : '' }}.</p>
      <button mat-button type="button" (click)="download()" data-testid="backtest-csv"><mat-icon>download</mat-icon>CSV</button>
    </div>
  `,
  styles: `
    /* A long run lists thousands: they scroll inside, under a header that stays. */
    .scroll {
      max-height: 320px;
      overflow: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th {
      position: sticky;
      top: 0;
      background: var(--mat-sys-surface-container);
      text-align: left;
    }
    th,
    td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    .num {
      text-align: right;
      white-space: nowrap;
    }
    .time {
      white-space: nowrap;
    }
    .footer {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    .dim {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      margin: 0;
    }
  `,
})
export class BacktestFirings {
  readonly firings = input.required<readonly BacktestFiring[]>();
  /** More fired than are listed (see BACKTEST_LIMITS.maxFiringsListed). */
  readonly truncated = input(false);
  protected readonly time = formatTime;
  protected readonly price = formatPrice;

  protected download(): void {
    const first = this.firings()[0]?.timestamp.slice(0, 10) ?? 'none';
    downloadText(`tradeassist-backtest-${first}.csv`, backtestCsv(this.firings()), 'text/csv');
  }
}
