import { ChangeDetectionStrategy, Component, Injector, inject, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import type { Instrument } from '@tradeassist/shared-types';
import { AuthService } from '../../core/auth/auth.service';
import { confirmAction } from '../../shared/confirm-dialog';
import { formatPrice, formatTime } from '../../shared/format';
import { InstrumentDialog } from './instrument-dialog';
import { InstrumentsStore } from './instruments.store';

@Component({
  selector: 'ta-instruments-page',
  imports: [MatTableModule, MatButtonModule, MatIconModule, MatSlideToggleModule, MatProgressBarModule],
  providers: [InstrumentsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>
          Instruments <span class="count">{{ store.activeCount() }} streaming of {{ store.instruments().length }}</span>
        </h1>
        @if (auth.can('trader')) {
          <button mat-flat-button (click)="add()" data-testid="add-instrument"><mat-icon>add</mat-icon>Add instrument</button>
        }
      </div>
      @if (store.error(); as error) {
        <p class="error" role="alert" data-testid="instruments-error">{{ error }}</p>
      }
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <table mat-table [dataSource]="store.instruments()" [trackBy]="byId" aria-label="Instruments">
        <ng-container matColumnDef="symbol">
          <th mat-header-cell *matHeaderCellDef>Symbol</th>
          <td mat-cell *matCellDef="let i">
            <b>{{ i.symbol }}</b>
          </td>
        </ng-container>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Name</th>
          <td mat-cell *matCellDef="let i">{{ i.name }}</td>
        </ng-container>
        <ng-container matColumnDef="type">
          <th mat-header-cell *matHeaderCellDef>Type</th>
          <td mat-cell *matCellDef="let i">{{ i.type }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let i">
            <mat-slide-toggle
              [disabled]="!auth.can('trader')"
              [checked]="i.status === 'active'"
              (change)="setStatus(i, $event)"
              [attr.aria-label]="'Stream ' + i.symbol"
              [attr.data-testid]="'instrument-status-' + i.symbol"
              ><span class="status" [class]="'status-' + i.status">{{ i.status }}</span></mat-slide-toggle
            >
          </td>
        </ng-container>
        <ng-container matColumnDef="timezone">
          <th mat-header-cell *matHeaderCellDef>Timezone</th>
          <td mat-cell *matCellDef="let i" class="dim">{{ i.timezone }}</td>
        </ng-container>
        <ng-container matColumnDef="last">
          <th mat-header-cell *matHeaderCellDef class="num">Last price</th>
          <td mat-cell *matCellDef="let i" class="num">{{ price(i.last_price) }}</td>
        </ng-container>
        <ng-container matColumnDef="tick">
          <th mat-header-cell *matHeaderCellDef>Last tick (UTC)</th>
          <td mat-cell *matCellDef="let i" class="dim">{{ time(i.last_tick) }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let i" class="actions">
            @if (auth.can('trader')) {
              <button
                mat-icon-button
                (click)="edit(i)"
                [attr.aria-label]="'Edit ' + i.symbol"
                [attr.data-testid]="'instrument-edit-' + i.symbol"
              >
                <mat-icon>edit</mat-icon>
              </button>
              <button mat-icon-button (click)="remove(i)" [attr.aria-label]="'Delete ' + i.symbol">
                <mat-icon>delete</mat-icon>
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let i; columns: columns" data-testid="instrument-row"></tr>
      </table>
    </div>
  `,
  styles: `
    .count {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      margin-left: 8px;
    }
    .error {
      color: var(--ta-down);
      margin: 0;
    }
    .status {
      margin-left: 8px;
    }
    .status-inactive,
    .dim {
      color: var(--mat-sys-on-surface-variant);
    }
    .status-error {
      color: var(--ta-down);
    }
    .actions {
      text-align: right;
      white-space: nowrap;
    }
  `,
})
export class InstrumentsPage implements OnInit {
  protected readonly store = inject(InstrumentsStore);
  protected readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  protected readonly columns = ['symbol', 'name', 'type', 'timezone', 'status', 'last', 'tick', 'actions'];
  protected readonly price = formatPrice;
  protected readonly time = formatTime;
  protected readonly byId = (_: number, i: Instrument) => i.id;

  ngOnInit(): void {
    void this.store.load();
  }

  protected add(): void {
    this.dialog.open(InstrumentDialog, { injector: this.injector });
  }

  protected edit(instrument: Instrument): void {
    this.dialog.open(InstrumentDialog, { injector: this.injector, data: instrument });
  }

  protected async setStatus(instrument: Instrument, event: MatSlideToggleChange): Promise<void> {
    // A refused change puts the toggle back where the server says it is.
    if (!(await this.store.setStatus(instrument, event.checked ? 'active' : 'inactive'))) event.source.checked = !event.checked;
  }

  protected async remove(instrument: Instrument): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: `Delete ${instrument.symbol}?`,
      message: `${instrument.symbol} (${instrument.name}) is removed with its rules, stored ticks and alert history. This cannot be undone.`,
      confirm: `Delete ${instrument.symbol}`,
    });
    if (ok) await this.store.remove(instrument);
  }
}
