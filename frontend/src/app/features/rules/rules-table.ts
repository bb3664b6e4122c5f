import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { operandLabel, type AlertRule } from '@tradeassist/shared-types';
import { formatPrice, formatTime } from '../../shared/format';
import { CONDITION_LABELS, RULE_TYPE_LABELS } from './rule-labels';
import { treeSummary } from './editor/condition-tree';
import { SORTABLE_COLUMNS, type RuleSort } from './rules-view';

export interface RuleToggle {
  rule: AlertRule;
  event: MatSlideToggleChange;
}

@Component({
  selector: 'ta-rules-table',
  imports: [MatTableModule, MatSortModule, MatCheckboxModule, MatButtonModule, MatIconModule, MatSlideToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroll">
      <table
        mat-table
        [dataSource]="rules()"
        [trackBy]="byId"
        aria-label="Alert rules"
        matSort
        [matSortActive]="sort()?.column ?? ''"
        [matSortDirection]="sort()?.direction ?? ''"
        (matSortChange)="sorted($event)"
      >
        <ng-container matColumnDef="select">
          <th mat-header-cell *matHeaderCellDef>
            <mat-checkbox
              [checked]="allSelected()"
              [indeterminate]="someSelected()"
              (change)="selectAll($event.checked)"
              aria-label="Select all shown rules"
              data-testid="rule-select-all"
            />
          </th>
          <td mat-cell *matCellDef="let r">
            <mat-checkbox
              [checked]="selected().has(r.id)"
              (change)="selectOne(r.id, $event.checked)"
              [attr.aria-label]="'Select ' + (r.name ?? r.id)"
              data-testid="rule-select"
            />
          </td>
        </ng-container>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Name</th>
          <td mat-cell *matCellDef="let r">
            {{ r.name ?? '(unnamed)' }}
            @if (r.description) {
              <div class="dim small">{{ r.description }}</div>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="symbol">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Symbol</th>
          <td mat-cell *matCellDef="let r">
            <b>{{ r.instrument_symbol }}</b>
          </td>
        </ng-container>
        <ng-container matColumnDef="type">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Type</th>
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
          <th mat-header-cell *matHeaderCellDef mat-sort-header arrowPosition="before" class="num">Threshold</th>
          <td mat-cell *matCellDef="let r" class="num">{{ threshold(r) }}</td>
        </ng-container>
        <ng-container matColumnDef="cooldown">
          <th mat-header-cell *matHeaderCellDef mat-sort-header arrowPosition="before" class="num">Cooldown</th>
          <td mat-cell *matCellDef="let r" class="num">{{ r.cooldown_seconds }} s</td>
        </ng-container>
        <ng-container matColumnDef="active">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Active</th>
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
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Last fired (UTC)</th>
          <td mat-cell *matCellDef="let r" class="dim">{{ time(r.last_triggered) }}</td>
        </ng-container>
        <ng-container matColumnDef="fires">
          <th
            mat-header-cell
            *matHeaderCellDef
            mat-sort-header
            arrowPosition="before"
            class="num"
            title="Alerts with a tick time from 00:00 UTC today"
          >
            Fires today
          </th>
          <td mat-cell *matCellDef="let r" class="num" [class.dim]="r.fires_today === 0">{{ r.fires_today }}</td>
        </ng-container>
        <ng-container matColumnDef="version">
          <th mat-header-cell *matHeaderCellDef mat-sort-header arrowPosition="before" class="num">Version</th>
          <td mat-cell *matCellDef="let r" class="num">v{{ r.version }}</td>
        </ng-container>
        <ng-container matColumnDef="owner">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Owner</th>
          <td mat-cell *matCellDef="let r" class="dim">{{ r.owner ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let r" class="actions">
            @if (canEdit()) {
              <button mat-icon-button (click)="edit.emit(r)" [attr.aria-label]="'Edit ' + (r.name ?? r.id)" data-testid="rule-edit">
                <mat-icon>edit</mat-icon>
              </button>
              <button
                mat-icon-button
                (click)="duplicate.emit(r)"
                [attr.aria-label]="'Duplicate ' + (r.name ?? r.id)"
                title="New rule with these settings"
                data-testid="rule-duplicate"
              >
                <mat-icon>content_copy</mat-icon>
              </button>
              <button mat-icon-button (click)="remove.emit(r)" [attr.aria-label]="'Delete ' + (r.name ?? r.id)" data-testid="rule-delete">
                <mat-icon>delete</mat-icon>
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr
          mat-row
          *matRowDef="let r; columns: columns"
          data-testid="rule-row"
          [class.inactive]="!r.active"
          [class.selected]="selected().has(r.id)"
        ></tr>
      </table>
    </div>
  `,
  styles: `
    .mat-column-name {
      min-width: 160px;
    }
    /* Wide screens show every column; narrower ones scroll the table, never the actions off the page. */
    .scroll {
      overflow-x: auto;
    }
    /* Thirteen columns: half Material's cell padding lets them fit a laptop screen. */
    .mat-mdc-header-cell,
    .mat-mdc-cell {
      padding: 0 8px;
    }
    /* On a laptop screen the time of the last firing wraps after its date, so the actions stay in sight. */
    th.mat-column-last,
    th.mat-column-fires {
      width: 64px;
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
    .inactive td:not(:last-child):not(:first-child) {
      opacity: 0.6;
    }
    .selected {
      background: color-mix(in srgb, var(--mat-sys-primary) 10%, transparent);
    }
    .mat-column-select {
      width: 48px;
    }
  `,
})
export class RulesTable {
  readonly rules = input.required<readonly AlertRule[]>();
  readonly canEdit = input(false);
  readonly edit = output<AlertRule>();
  readonly duplicate = output<AlertRule>();
  readonly toggle = output<RuleToggle>();
  readonly remove = output<AlertRule>();
  /** Ids of the selected rules. */
  readonly selected = input<ReadonlySet<number>>(new Set());
  readonly sort = input<RuleSort | null>(null);
  readonly selectionChange = output<number[]>();
  readonly sortChange = output<RuleSort | null>();
  protected readonly allSelected = computed(() => this.rules().length > 0 && this.rules().every((r) => this.selected().has(r.id)));
  protected readonly someSelected = computed(() => !this.allSelected() && this.rules().some((r) => this.selected().has(r.id)));
  protected readonly columns = [
    'select',
    'name',
    'symbol',
    'type',
    'condition',
    'threshold',
    'cooldown',
    'active',
    'last',
    'fires',
    'version',
    'owner',
    'actions',
  ];
  protected readonly time = formatTime;
  protected readonly byId = (_: number, r: AlertRule) => r.id;

  protected typeLabel(r: AlertRule): string {
    return RULE_TYPE_LABELS[r.rule_type];
  }

  /** A tree's own condition field is a placeholder the contract keeps; its size says more. */
  protected conditionLabel(r: AlertRule): string {
    if (r.rule_type === 'multi_condition') return r.conditions ? treeSummary(r.conditions) : '—';
    return CONDITION_LABELS[r.condition];
  }

  protected sorted(sort: Sort): void {
    const column = SORTABLE_COLUMNS.find((c) => c === sort.active);
    this.sortChange.emit(column && sort.direction ? { column, direction: sort.direction } : null);
  }

  protected selectAll(checked: boolean): void {
    this.selectionChange.emit(checked ? this.rules().map((r) => r.id) : []);
  }

  protected selectOne(id: number, checked: boolean): void {
    const ids = new Set(this.selected());
    if (checked) ids.add(id);
    else ids.delete(id);
    this.selectionChange.emit([...ids]);
  }

  /** What the condition compares with: an indicator, a percent for rate of change, a count for volume, a price level otherwise. */
  protected threshold(r: AlertRule): string {
    if (r.rule_type === 'multi_condition') return '—';
    if (r.against) return operandLabel(r.against);
    if (r.subject) return `${operandLabel(r.subject)} ${r.threshold}`;
    if (r.rule_type === 'rate_of_change') return `${r.threshold} %`;
    if (r.rule_type === 'volume_spike') return r.threshold.toLocaleString('en-US');
    return formatPrice(r.threshold);
  }
}
