import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import type { AlertRule } from '@tradeassist/shared-types';
import { formatPrice, formatTime } from '../../shared/format';
import { CONDITION_LABELS, RULE_TYPE_LABELS } from './rule-labels';

export interface RuleToggle {
  rule: AlertRule;
  event: MatSlideToggleChange;
}

@Component({
  selector: 'ta-rules-table',
  imports: [MatTableModule, MatButtonModule, MatIconModule, MatSlideToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table mat-table [dataSource]="rules()" [trackBy]="byId" aria-label="Alert rules">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>Name</th>
        <td mat-cell *matCellDef="let r">
          {{ r.name ?? '(unnamed)' }}
          @if (r.description) {
            <div class="dim small">{{ r.description }}</div>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="symbol">
        <th mat-header-cell *matHeaderCellDef>Symbol</th>
        <td mat-cell *matCellDef="let r">
          <b>{{ r.instrument_symbol }}</b>
        </td>
      </ng-container>
      <ng-container matColumnDef="type">
        <th mat-header-cell *matHeaderCellDef>Type</th>
        <td mat-cell *matCellDef="let r">{{ typeLabel(r) }}</td>
      </ng-container>
      <ng-container matColumnDef="condition">
        <th mat-header-cell *matHeaderCellDef>Condition</th>
        <td mat-cell *matCellDef="let r">
          {{ conditionLabel(r) }}
          @if (r.rule_type === 'rate_of_change') {
            <span class="dim">({{ r.time_window_seconds ?? 60 }} s)</span>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="threshold">
        <th mat-header-cell *matHeaderCellDef class="num">Threshold</th>
        <td mat-cell *matCellDef="let r" class="num">{{ threshold(r) }}</td>
      </ng-container>
      <ng-container matColumnDef="cooldown">
        <th mat-header-cell *matHeaderCellDef class="num">Cooldown</th>
        <td mat-cell *matCellDef="let r" class="num">{{ r.cooldown_seconds }} s</td>
      </ng-container>
      <ng-container matColumnDef="active">
        <th mat-header-cell *matHeaderCellDef>Active</th>
        <td mat-cell *matCellDef="let r">
          <mat-slide-toggle
            [disabled]="!canEdit()"
            [checked]="r.active"
            (change)="toggle.emit({ rule: r, event: $event })"
            [attr.aria-label]="'Active ' + (r.name ?? r.id)"
            data-testid="rule-active-toggle"
          />
        </td>
      </ng-container>
      <ng-container matColumnDef="last">
        <th mat-header-cell *matHeaderCellDef>Last triggered (UTC)</th>
        <td mat-cell *matCellDef="let r" class="dim">{{ time(r.last_triggered) }}</td>
      </ng-container>
      <ng-container matColumnDef="version">
        <th mat-header-cell *matHeaderCellDef class="num">Version</th>
        <td mat-cell *matCellDef="let r" class="num">v{{ r.version }}</td>
      </ng-container>
      <ng-container matColumnDef="owner">
        <th mat-header-cell *matHeaderCellDef>Owner</th>
        <td mat-cell *matCellDef="let r" class="dim">{{ r.owner ?? '—' }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let r" class="actions">
          @if (canEdit()) {
            <button mat-icon-button (click)="edit.emit(r)" [attr.aria-label]="'Edit ' + (r.name ?? r.id)" data-testid="rule-edit">
              <mat-icon>edit</mat-icon>
            </button>
            <button mat-icon-button (click)="remove.emit(r)" [attr.aria-label]="'Delete ' + (r.name ?? r.id)" data-testid="rule-delete">
              <mat-icon>delete</mat-icon>
            </button>
          }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let r; columns: columns" data-testid="rule-row" [class.inactive]="!r.active"></tr>
    </table>
  `,
  styles: `
    .mat-column-name {
      min-width: 160px;
    }
    .mat-column-last {
      white-space: nowrap;
    }
    .dim {
      color: var(--mat-sys-on-surface-variant);
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .actions {
      white-space: nowrap;
      text-align: right;
    }
    .inactive td:not(:last-child) {
      opacity: 0.6;
    }
  `,
})
export class RulesTable {
  readonly rules = input.required<readonly AlertRule[]>();
  readonly canEdit = input(false);
  readonly edit = output<AlertRule>();
  readonly toggle = output<RuleToggle>();
  readonly remove = output<AlertRule>();
  protected readonly columns = [
    'name',
    'symbol',
    'type',
    'condition',
    'threshold',
    'cooldown',
    'active',
    'last',
    'version',
    'owner',
    'actions',
  ];
  protected readonly time = formatTime;
  protected readonly byId = (_: number, r: AlertRule) => r.id;

  protected typeLabel(r: AlertRule): string {
    return RULE_TYPE_LABELS[r.rule_type];
  }

  protected conditionLabel(r: AlertRule): string {
    return CONDITION_LABELS[r.condition];
  }

  /** Percent for rate of change, a count for volume, a price level otherwise. */
  protected threshold(r: AlertRule): string {
    if (r.rule_type === 'rate_of_change') return `${r.threshold} %`;
    if (r.rule_type === 'volume_spike') return r.threshold.toLocaleString('en-US');
    return formatPrice(r.threshold);
  }
}
