import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { patchAt } from '../../shared/lists';
import type { HeaderRow } from './channel-draft';

/** Custom HTTP headers as name and value rows. */
@Component({
  selector: 'ta-header-rows',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="group" aria-label="Custom headers" data-testid="headers">
      @for (row of rows(); track $index; let i = $index) {
        <div class="row" [attr.data-testid]="'header-' + i">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>Header name</mat-label>
            <input matInput [ngModel]="row.name" (ngModelChange)="patch(i, { name: $event })" [attr.data-testid]="'header-name-' + i" />
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="value">
            <mat-label>Value</mat-label>
            <input matInput [ngModel]="row.value" (ngModelChange)="patch(i, { value: $event })" [attr.data-testid]="'header-value-' + i" />
          </mat-form-field>
          <button mat-icon-button type="button" (click)="remove(i)" [attr.aria-label]="'Remove header ' + (row.name || i + 1)">
            <mat-icon>delete</mat-icon>
          </button>
        </div>
      } @empty {
        <p class="dim">No custom headers.</p>
      }
      @if (error(); as e) {
        <p class="error" role="alert">{{ e }}</p>
      }
      <button mat-stroked-button type="button" (click)="add()" data-testid="header-add"><mat-icon>add</mat-icon>Add header</button>
    </div>
  `,
  styles: `
    .row {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    .value {
      flex: 1;
    }
    .dim {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class HeaderRows {
  readonly rows = model.required<HeaderRow[]>();
  /** The server's messages about the headers, joined. */
  readonly error = input<string | null>(null);

  protected patch(index: number, change: Partial<HeaderRow>): void {
    this.rows.update((rows) => patchAt(rows, index, change));
  }

  protected add(): void {
    this.rows.update((rows) => [...rows, { name: '', value: '' }]);
  }

  protected remove(index: number): void {
    this.rows.update((rows) => rows.filter((_, i) => i !== index));
  }
}
