import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RULE_TYPES, type BulkAction } from '@tradeassist/shared-types';
import { RULE_TYPE_LABELS } from './rule-labels';
import type { RuleViewQuery } from './rules-view';

/** Search and filters for the rules table, and what can be done to the selected rules. */
@Component({
  selector: 'ta-rules-toolbar',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="toolbar">
      <mat-form-field class="search" subscriptSizing="dynamic">
        <mat-label>Search</mat-label>
        <mat-icon matPrefix>search</mat-icon>
        <input
          matInput
          [ngModel]="query().text"
          (ngModelChange)="patch({ text: $event })"
          placeholder="name, symbol, RSI…"
          data-testid="rules-search"
        />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Type</mat-label>
        <mat-select [ngModel]="query().type" (ngModelChange)="patch({ type: $event })" data-testid="rules-type-filter">
          <mat-option value="all">all types</mat-option>
          @for (t of types; track t) {
            <mat-option [value]="t">{{ typeLabels[t] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Status</mat-label>
        <mat-select [ngModel]="query().status" (ngModelChange)="patch({ status: $event })" data-testid="rules-status-filter">
          <mat-option value="all">active and inactive</mat-option>
          <mat-option value="active">active</mat-option>
          <mat-option value="inactive">inactive</mat-option>
        </mat-select>
      </mat-form-field>
      <span class="shown">{{ shown() }} of {{ total() }} shown</span>
      @if (canEdit() && selectedCount() > 0) {
        <div class="bulk" role="group" aria-label="Selected rules" data-testid="rules-bulk">
          <span>{{ selectedCount() }} selected</span>
          <button mat-stroked-button [disabled]="busy()" (click)="bulk.emit('enable')" data-testid="bulk-enable">
            <mat-icon>play_circle</mat-icon>Enable
          </button>
          <button mat-stroked-button [disabled]="busy()" (click)="bulk.emit('disable')" data-testid="bulk-disable">
            <mat-icon>pause_circle</mat-icon>Disable
          </button>
          <button mat-stroked-button [disabled]="busy()" (click)="copy.emit()" data-testid="bulk-copy">
            <mat-icon>content_copy</mat-icon>Copy to…
          </button>
          <button mat-stroked-button class="danger" [disabled]="busy()" (click)="bulk.emit('delete')" data-testid="bulk-delete">
            <mat-icon>delete</mat-icon>Delete
          </button>
        </div>
      }
    </div>
  `,
  styles: `
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    .search {
      flex: 1 1 260px;
      max-width: 420px;
    }
    .shown {
      color: var(--mat-sys-on-surface-variant);
    }
    .bulk {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-left: auto;
      padding: 4px 8px 4px 16px;
      border-radius: 24px;
      background: var(--mat-sys-surface-container-high);
    }
    .danger {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
    }
  `,
})
export class RulesToolbar {
  readonly query = input.required<RuleViewQuery>();
  readonly shown = input.required<number>();
  readonly total = input.required<number>();
  readonly selectedCount = input(0);
  readonly canEdit = input(false);
  readonly busy = input(false);
  readonly queryChange = output<RuleViewQuery>();
  readonly bulk = output<BulkAction>();
  /** Copy the selected rules onto other instruments. */
  readonly copy = output<void>();
  protected readonly types = RULE_TYPES;
  protected readonly typeLabels = RULE_TYPE_LABELS;

  protected patch(change: Partial<RuleViewQuery>): void {
    this.queryChange.emit({ ...this.query(), ...change });
  }
}
