import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AlertRule } from '@tradeassist/shared-types';
import { AuthService } from '../../core/auth/auth.service';
import { confirmAction } from '../../shared/confirm-dialog';
import { RuleForm } from './rule-form';
import { RulesStore } from './rules.store';
import { RulesTable, type RuleToggle } from './rules-table';

@Component({
  selector: 'ta-rules-page',
  imports: [MatCardModule, MatButtonModule, MatIconModule, MatProgressBarModule, RuleForm, RulesTable],
  providers: [RulesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>
          Rules <span class="count">{{ store.activeCount() }} active of {{ store.rules().length }}</span>
        </h1>
        @if (auth.can('trader')) {
          <button mat-flat-button (click)="store.startCreate()" [disabled]="store.editing() === 'new'" data-testid="new-rule">
            <mat-icon>add</mat-icon>New rule
          </button>
        }
      </div>
      @if (store.error(); as error) {
        <p class="error" role="alert" data-testid="rules-error">{{ error }}</p>
      }
      @if (store.editing() !== null) {
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title>{{ formTitle() }}</mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <ta-rule-form
              [rule]="editingRule()"
              [instruments]="store.instruments()"
              [serverError]="store.formError()"
              [saving]="store.saving()"
              (save)="store.save($event)"
              (cancel)="store.closeForm()"
            />
          </mat-card-content>
        </mat-card>
      }
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" />
      } @else if (store.rules().length === 0) {
        <p class="empty">No rules yet. Create one and it is evaluated from the next tick on.</p>
      } @else {
        <ta-rules-table
          [rules]="store.rules()"
          [canEdit]="auth.can('trader')"
          (edit)="store.startEdit($event)"
          (toggle)="toggle($event)"
          (remove)="remove($event)"
        />
      }
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
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class RulesPage implements OnInit {
  protected readonly store = inject(RulesStore);
  protected readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  protected readonly editingRule = computed(() => {
    const e = this.store.editing();
    return e === 'new' ? null : e;
  });
  protected readonly formTitle = computed(() => {
    const rule = this.editingRule();
    return rule ? `Edit ${rule.name ?? `rule ${rule.id}`} (v${rule.version})` : 'New rule';
  });

  ngOnInit(): void {
    void this.store.load();
  }

  protected async toggle({ rule, event }: RuleToggle): Promise<void> {
    // A refused change puts the toggle back where the server says it is.
    if (!(await this.store.toggle(rule, event.checked))) event.source.checked = !event.checked;
  }

  protected async remove(rule: AlertRule): Promise<void> {
    const label = rule.name ?? `rule ${rule.id}`;
    const ok = await confirmAction(this.dialog, {
      title: `Delete ${label}?`,
      message: `The rule on ${rule.instrument_symbol} stops firing at once. Its past alerts stay in the history.`,
      confirm: 'Delete rule',
    });
    if (ok) await this.store.remove(rule);
  }
}
