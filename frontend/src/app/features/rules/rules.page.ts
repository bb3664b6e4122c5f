import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AlertRule, BulkAction, CreateRuleRequest } from '@tradeassist/shared-types';
import { AuthService } from '../../core/auth/auth.service';
import { confirmAction } from '../../shared/confirm-dialog';
import { askCopyTargets } from './copy-rules-dialog';
import { downloadJson, readText } from '../../shared/files';
import { parseImportFile } from './rule-import';
import { RuleForm } from './rule-form';
import { RuleImportResult } from './rule-import-result';
import { ruleLabel } from './rule-labels';
import { RulesStore } from './rules.store';
import { RulesTable, type RuleToggle } from './rules-table';
import { RulesToolbar } from './rules-toolbar';
import { RuleWizard } from './wizard/rule-wizard';

const BULK_WORDING: Readonly<Record<BulkAction, { verb: string; effect: string }>> = {
  enable: { verb: 'Enable', effect: 'They are evaluated from the next tick on.' },
  disable: { verb: 'Disable', effect: 'They stop firing at once; their settings stay.' },
  delete: { verb: 'Delete', effect: 'They stop firing at once. Their past alerts and versions stay in the history.' },
};

@Component({
  selector: 'ta-rules-page',
  imports: [
    MatCardModule,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RuleForm,
    RuleImportResult,
    RuleWizard,
    RulesTable,
    RulesToolbar,
  ],
  providers: [RulesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>
          Rules <span class="count">{{ store.activeCount() }} active of {{ store.rules().length }}</span>
        </h1>
        <div class="header-actions">
          <button mat-button (click)="exportRules()" [disabled]="store.rules().length === 0" data-testid="rules-export">
            <mat-icon>download</mat-icon>Export
          </button>
          @if (auth.can('trader')) {
            <button mat-button (click)="fileInput.click()" data-testid="rules-import"><mat-icon>upload</mat-icon>Import</button>
            <input
              #fileInput
              type="file"
              accept="application/json,.json"
              hidden
              (change)="importFile(fileInput)"
              data-testid="rules-import-file"
            />
            <button mat-stroked-button (click)="openGuided()" [disabled]="guided() || store.editing() !== null" data-testid="guided-rule">
              <mat-icon>assistant</mat-icon>Guided
            </button>
            <button mat-flat-button (click)="store.startCreate()" [disabled]="guided() || store.editing() === 'new'" data-testid="new-rule">
              <mat-icon>add</mat-icon>New rule
            </button>
          }
        </div>
      </div>
      @if (store.importOutcome(); as outcome) {
        <ta-rule-import-result [outcome]="outcome" (dismiss)="store.dismissImport()" />
      }
      @if (store.error(); as error) {
        <p class="error" role="alert" data-testid="rules-error">{{ error }}</p>
      }
      @if (guided()) {
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title>New rule, step by step</mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <ta-rule-wizard
              [instruments]="store.instruments()"
              [serverError]="store.formError()"
              [saving]="store.saving()"
              (save)="saveGuided($event)"
              (cancel)="guided.set(false)"
            />
          </mat-card-content>
        </mat-card>
      }
      @if (store.editing() !== null) {
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title>{{ formTitle() }}</mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <ta-rule-form
              [rule]="editingRule()"
              [copyOf]="store.copyOf()"
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
        <ta-rules-toolbar
          [query]="store.query()"
          (queryChange)="store.query.set($event)"
          [shown]="store.visible().length"
          [total]="store.rules().length"
          [selectedCount]="store.selected().length"
          [canEdit]="auth.can('trader')"
          [busy]="store.bulkBusy()"
          (bulk)="bulk($event)"
          (copy)="copySelected()"
        />
        @if (store.visible().length === 0) {
          <p class="empty">No rule matches the search and filters.</p>
        } @else {
          <ta-rules-table
            [rules]="store.visible()"
            [canEdit]="auth.can('trader')"
            [selected]="selectedIds()"
            (selectionChange)="store.select($event)"
            [sort]="store.query().sort"
            (sortChange)="store.query.update((q) => ({ ...q, sort: $event }))"
            (edit)="store.startEdit($event)"
            (duplicate)="store.startCopy($event)"
            (toggle)="toggle($event)"
            (remove)="remove($event)"
          />
        }
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
    .header-actions {
      display: flex;
      gap: 8px;
      align-items: center;
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
    if (rule) return `Edit ${ruleLabel(rule)} (v${rule.version})`;
    const copy = this.store.copyOf();
    return copy ? `New rule from ${ruleLabel(copy)}` : 'New rule';
  });

  protected readonly selectedIds = computed(() => new Set(this.store.selected().map((r) => r.id)));
  /** The step-by-step wizard is open (in place of the form). */
  protected readonly guided = signal(false);

  ngOnInit(): void {
    void this.store.load();
  }

  protected openGuided(): void {
    // Clears what an earlier save left, so the wizard starts without an old error.
    this.store.closeForm();
    this.guided.set(true);
  }

  protected async saveGuided(body: CreateRuleRequest): Promise<void> {
    if (await this.store.save(body)) this.guided.set(false);
  }

  protected async toggle({ rule, event }: RuleToggle): Promise<void> {
    // A refused change puts the toggle back where the server says it is.
    if (!(await this.store.toggle(rule, event.checked))) event.source.checked = !event.checked;
  }

  protected async remove(rule: AlertRule): Promise<void> {
    const label = ruleLabel(rule);
    const ok = await confirmAction(this.dialog, {
      title: `Delete ${label}?`,
      message: `The rule on ${rule.instrument_symbol} stops firing at once. Its past alerts stay in the history.`,
      confirm: 'Delete rule',
    });
    if (ok) await this.store.remove(rule);
  }

  protected async bulk(action: BulkAction): Promise<void> {
    const rules = this.store.selected();
    const { verb, effect } = BULK_WORDING[action];
    const what = rules.length === 1 ? `1 rule` : `${rules.length} rules`;
    const names = rules.slice(0, 5).map(ruleLabel).join(', ');
    const ok = await confirmAction(this.dialog, {
      title: `${verb} ${what}?`,
      message: `${names}${rules.length > 5 ? ` and ${rules.length - 5} more` : ''}. ${effect}`,
      confirm: `${verb} ${what}`,
      danger: action === 'delete',
    });
    if (ok) await this.store.bulk(action);
  }

  protected async copySelected(): Promise<void> {
    const symbols = await askCopyTargets(this.dialog, { rules: this.store.selected(), instruments: this.store.instruments() });
    if (symbols && symbols.length > 0) await this.store.copySelected(symbols);
  }

  protected async exportRules(): Promise<void> {
    const file = await this.store.exportAll();
    if (file) downloadJson(`tradeassist-rules-${file.exported_at.slice(0, 10)}.json`, file);
  }

  protected async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    // The same file can be chosen again after fixing it.
    input.value = '';
    if (!file) return;
    let rules;
    try {
      rules = parseImportFile(await readText(file));
    } catch (e) {
      this.store.rejectImport(`${file.name}: ${(e as Error).message}`);
      return;
    }
    await this.store.importRules(rules);
  }
}
