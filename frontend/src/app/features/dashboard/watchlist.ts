import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { formatPrice, formatSigned } from '../../shared/format';
import { Sparkline } from '../../shared/sparkline';
import type { WatchRow } from './dashboard.store';

@Component({
  selector: 'ta-watchlist',
  imports: [MatTableModule, Sparkline],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table mat-table [dataSource]="rows()" [trackBy]="bySymbol" class="watch" aria-label="Watchlist">
      <ng-container matColumnDef="symbol">
        <th mat-header-cell *matHeaderCellDef>Symbol</th>
        <td mat-cell *matCellDef="let r">
          <b>{{ r.instrument.symbol }}</b>
          <div class="name">{{ r.instrument.name }}</div>
        </td>
      </ng-container>
      <ng-container matColumnDef="price">
        <th mat-header-cell *matHeaderCellDef class="num">Last</th>
        <td mat-cell *matCellDef="let r" class="num">
          <span class="price" [attr.data-testid]="'watch-price-' + r.instrument.symbol" [class]="flashClass(r)">{{
            price(r.quote?.price)
          }}</span>
        </td>
      </ng-container>
      <ng-container matColumnDef="change">
        <th mat-header-cell *matHeaderCellDef class="num" title="Since the first price this console saw in this session">Session change</th>
        <td mat-cell *matCellDef="let r" class="num" [class.up]="(r.change ?? 0) > 0" [class.down]="(r.change ?? 0) < 0">
          @if (r.change !== null) {
            {{ signed(r.change) }}
            <!-- A percent change of an oscillator around zero (TICK, ADD) means nothing. -->
            @if (r.instrument.type !== 'internal') {
              <span class="pct">({{ signed(r.changePct ?? 0) }}%)</span>
            }
          } @else {
            —
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="bidask">
        <th mat-header-cell *matHeaderCellDef class="num">Bid / Ask</th>
        <td mat-cell *matCellDef="let r" class="num dim">
          @if (r.quote?.bid !== null && r.quote?.bid !== undefined) {
            {{ price(r.quote?.bid) }} / {{ price(r.quote?.ask) }}
          } @else {
            —
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="trend">
        <th mat-header-cell *matHeaderCellDef>Trend</th>
        <td mat-cell *matCellDef="let r">
          @if (r.quote && r.quote.history.length > 1) {
            <ta-sparkline [values]="r.quote.history" />
          }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let r; columns: columns" [attr.data-testid]="'watch-row-' + r.instrument.symbol"></tr>
    </table>
  `,
  styles: `
    .watch {
      width: 100%;
    }
    .num {
      white-space: nowrap;
    }
    .name {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .price {
      padding: 2px 6px;
      border-radius: 4px;
      font-weight: 500;
    }
    .pct,
    .dim {
      color: var(--mat-sys-on-surface-variant);
    }
    .flash-up-0,
    .flash-up-1 {
      animation: flash-up-a 0.8s ease-out;
    }
    .flash-up-1 {
      animation-name: flash-up-b;
    }
    .flash-down-0,
    .flash-down-1 {
      animation: flash-down-a 0.8s ease-out;
    }
    .flash-down-1 {
      animation-name: flash-down-b;
    }
    @keyframes flash-up-a {
      from {
        background: color-mix(in srgb, var(--ta-up) 45%, transparent);
      }
      to {
        background: transparent;
      }
    }
    @keyframes flash-up-b {
      from {
        background: color-mix(in srgb, var(--ta-up) 45%, transparent);
      }
      to {
        background: transparent;
      }
    }
    @keyframes flash-down-a {
      from {
        background: color-mix(in srgb, var(--ta-down) 45%, transparent);
      }
      to {
        background: transparent;
      }
    }
    @keyframes flash-down-b {
      from {
        background: color-mix(in srgb, var(--ta-down) 45%, transparent);
      }
      to {
        background: transparent;
      }
    }
  `,
})
export class Watchlist {
  readonly rows = input.required<WatchRow[]>();
  protected readonly columns = ['symbol', 'price', 'change', 'bidask', 'trend'];
  protected readonly price = formatPrice;
  protected readonly signed = formatSigned;
  /** Rows keep their elements across ticks: the flash restarts and the sparkline updates in place. */
  protected readonly bySymbol = (_: number, row: WatchRow) => row.instrument.symbol;

  /** Two identical animations alternate so every price change restarts the flash. */
  protected flashClass(row: WatchRow): string {
    const q = row.quote;
    return q?.direction ? `price flash-${q.direction}-${q.seq % 2}` : 'price';
  }
}
