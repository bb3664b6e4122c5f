import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { BacktestFiring } from '@tradeassist/shared-types';
import { formatPrice, formatTime } from '../../../shared/format';

/** Every firing a backtest lists, in time order: when, on what, at which price, and the alert it would have sent. */
@Component({
  selector: 'ta-backtest-firings',
  imports: [DecimalPipe],
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
    <p class="dim">{{ firings().length | number }} listed{{ truncated() ? ', the first of the range' : '' }}.</p>
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
    .dim {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      margin: 4px 0 0;
    }
  `,
})
export class BacktestFirings {
  readonly firings = input.required<readonly BacktestFiring[]>();
  /** More fired than are listed (see BACKTEST_LIMITS.maxFiringsListed). */
  readonly truncated = input(false);
  protected readonly time = formatTime;
  protected readonly price = formatPrice;
}
