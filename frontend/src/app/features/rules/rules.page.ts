import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import type { AlertRule, CreateRuleRequest } from '@tradeassist/shared-types';
import type { ApiError } from '../../core/api/api-error';
import { AuthService } from '../../core/auth/auth.service';
import { formatPrice, formatTime } from '../../shared/format';
import { RuleForm } from './rule-form';
import { RulesStore } from './rules.store';

@Component({
  selector: 'ta-rules-page',
  imports: [MatTableModule, MatCardModule, MatButtonModule, MatIconModule, MatSlideToggleModule, RuleForm],
  providers: [RulesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>
          Rules <span class="count">{{ store.activeCount() }} active of {{ store.rules().length }}</span>
        </h1>
        @if (auth.can('trader')) {
          <button mat-flat-button (click)="store.editing.set('new')" data-testid="new-rule"><mat-icon>add</mat-icon>New rule</button>
        }
      </div>
      @if (store.error(); as error) {
        <p class="error" role="alert">{{ error }}</p>
      }
      @if (store.editing() !== null) {
        <mat-card appearance="outlined">
          <mat-card-header
            ><mat-card-title>{{
              editingRule() ? 'Edit rule ' + editingRule()?.id + ' (v' + editingRule()?.version + ')' : 'New rule'
            }}</mat-card-title></mat-card-header
          >
          <mat-card-content>
            <ta-rule-form
              [rule]="editingRule()"
              [instruments]="store.instruments()"
              (save)="save($event)"
              (cancel)="store.editing.set(null)"
            />
          </mat-card-content>
        </mat-card>
      }
      @if (store.rules().length === 0) {
        <p class="empty">No rules yet. Create one and it is evaluated from the next tick on.</p>
      } @else {
        <table mat-table [dataSource]="store.rules()" aria-label="Alert rules">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>Name</th>
            <td mat-cell *matCellDef="let r">{{ r.name ?? '(unnamed)' }}</td>
          </ng-container>
          <ng-container matColumnDef="symbol">
            <th mat-header-cell *matHeaderCellDef>Symbol</th>
            <td mat-cell *matCellDef="let r">
              <b>{{ r.instrument_symbol }}</b>
            </td>
          </ng-container>
          <ng-container matColumnDef="condition">
            <th mat-header-cell *matHeaderCellDef>Condition</th>
            <td mat-cell *matCellDef="let r">{{ r.rule_type.replace('_', ' ') }} · {{ r.condition.replaceAll('_', ' ') }}</td>
          </ng-container>
          <ng-container matColumnDef="threshold">
            <th mat-header-cell *matHeaderCellDef class="num">Threshold</th>
            <td mat-cell *matCellDef="let r" class="num">{{ price(r.threshold) }}</td>
          </ng-container>
          <ng-container matColumnDef="cooldown">
            <th mat-header-cell *matHeaderCellDef class="num">Cooldown</th>
            <td mat-cell *matCellDef="let r" class="num">{{ r.cooldown_seconds }} s</td>
          </ng-container>
          <ng-container matColumnDef="last">
            <th mat-header-cell *matHeaderCellDef>Last fired (UTC)</th>
            <td mat-cell *matCellDef="let r">{{ time(r.last_triggered) }}</td>
          </ng-container>
          <ng-container matColumnDef="owner">
            <th mat-header-cell *matHeaderCellDef>Owner</th>
            <td mat-cell *matCellDef="let r">{{ r.owner ?? '—' }}</td>
          </ng-container>
          <ng-container matColumnDef="version">
            <th mat-header-cell *matHeaderCellDef class="num">Version</th>
            <td mat-cell *matCellDef="let r" class="num">v{{ r.version }}</td>
          </ng-container>
          <ng-container matColumnDef="active">
            <th mat-header-cell *matHeaderCellDef>Active</th>
            <td mat-cell *matCellDef="let r">
              <mat-slide-toggle
                [disabled]="!auth.can('trader')"
                [checked]="r.active"
                (change)="store.toggle(r, $event.checked)"
                [attr.aria-label]="'Active ' + (r.name ?? r.id)"
              />
            </td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef></th>
            <td mat-cell *matCellDef="let r">
              @if (auth.can('trader')) {
                <button mat-icon-button (click)="store.editing.set(r)" [attr.aria-label]="'Edit ' + (r.name ?? r.id)">
                  <mat-icon>edit</mat-icon>
                </button>
                @if (confirming() === r.id) {
                  <button mat-button class="danger" (click)="remove(r)">Delete?</button>
                } @else {
                  <button mat-icon-button (click)="confirming.set(r.id)" [attr.aria-label]="'Delete ' + (r.name ?? r.id)">
                    <mat-icon>delete</mat-icon>
                  </button>
                }
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let r; columns: columns" data-testid="rule-row"></tr>
        </table>
      }
    </div>
  `,
  styles: `
    .count {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      margin-left: 8px;
    }
    .error,
    .danger {
      color: var(--ta-down);
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class RulesPage implements OnInit {
  protected readonly store = inject(RulesStore);
  protected readonly auth = inject(AuthService);
  protected readonly confirming = signal<number | null>(null);
  protected readonly editingRule = computed(() => {
    const e = this.store.editing();
    return e === 'new' ? null : e;
  });
  protected readonly columns = ['name', 'symbol', 'condition', 'threshold', 'cooldown', 'last', 'owner', 'version', 'active', 'actions'];
  protected readonly price = formatPrice;
  protected readonly time = formatTime;

  ngOnInit(): void {
    void this.store.load();
  }

  protected async save(event: { body: CreateRuleRequest; done: (error: ApiError | null) => void }): Promise<void> {
    event.done(await this.store.save(event.body));
  }

  protected async remove(rule: AlertRule): Promise<void> {
    this.confirming.set(null);
    await this.store.remove(rule);
  }
}
