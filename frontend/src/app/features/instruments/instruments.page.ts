import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import type { CreateInstrumentRequest, Instrument } from '@tradeassist/shared-types';
import type { ApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { formatPrice, formatTime } from '../../shared/format';
import { InstrumentForm } from './instrument-form';
import { InstrumentsStore } from './instruments.store';

@Component({
  selector: 'ta-instruments-page',
  imports: [MatTableModule, MatCardModule, MatButtonModule, MatIconModule, MatSlideToggleModule, InstrumentForm],
  providers: [InstrumentsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <div class="page-header"><h1>Instruments</h1></div>
      @if (auth.can('trader')) {
        <mat-card appearance="outlined">
          <mat-card-content><ta-instrument-form (create)="add($event)" /></mat-card-content>
        </mat-card>
      }
      @if (store.error(); as error) {
        <p class="error" role="alert">{{ error }}</p>
      }
      <table mat-table [dataSource]="store.instruments()" aria-label="Instruments">
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
        <ng-container matColumnDef="last">
          <th mat-header-cell *matHeaderCellDef class="num">Last price</th>
          <td mat-cell *matCellDef="let i" class="num">{{ price(i.last_price) }}</td>
        </ng-container>
        <ng-container matColumnDef="tick">
          <th mat-header-cell *matHeaderCellDef>Last tick (UTC)</th>
          <td mat-cell *matCellDef="let i">{{ time(i.last_tick) }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>Active</th>
          <td mat-cell *matCellDef="let i">
            <mat-slide-toggle
              [disabled]="!auth.can('trader')"
              [checked]="i.status === 'active'"
              (change)="store.setStatus(i, $event.checked ? 'active' : 'inactive')"
              [attr.aria-label]="'Stream ' + i.symbol"
            />
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let i">
            @if (!auth.can('trader')) {
            } @else if (confirming() === i.id) {
              <button mat-button class="danger" (click)="remove(i)">Delete {{ i.symbol }} and its rules?</button>
              <button mat-button (click)="confirming.set(null)">Keep</button>
            } @else {
              <button mat-icon-button (click)="confirming.set(i.id)" [attr.aria-label]="'Delete ' + i.symbol">
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
    .error {
      color: var(--ta-down);
    }
    .danger {
      color: var(--ta-down);
    }
  `,
})
export class InstrumentsPage implements OnInit {
  protected readonly store = inject(InstrumentsStore);
  protected readonly auth = inject(AuthService);
  protected readonly confirming = signal<number | null>(null);
  protected readonly columns = ['symbol', 'name', 'type', 'last', 'tick', 'status', 'actions'];
  protected readonly price = formatPrice;
  protected readonly time = formatTime;

  ngOnInit(): void {
    void this.store.load();
  }

  protected async add(event: { body: CreateInstrumentRequest; done: (error: ApiError | null) => void }): Promise<void> {
    event.done(await this.store.create(event.body));
  }

  protected async remove(instrument: Instrument): Promise<void> {
    this.confirming.set(null);
    await this.store.remove(instrument);
  }
}
