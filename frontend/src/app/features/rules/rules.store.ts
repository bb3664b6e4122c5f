import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AlertRule, BulkAction, CreateRuleRequest, ExportedRule, Instrument, RuleExport } from '@tradeassist/shared-types';
import { ApiError } from '../../core/api/api-error';
import { InstrumentsApi } from '../../core/api/instruments-api';
import { RulesApi } from '../../core/api/rules-api';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { importProblems, type ImportProblem } from './rule-import';
import { DEFAULT_RULE_VIEW, afterFiring, msUntilUtcMidnight, viewRules, type RuleViewQuery } from './rules-view';

/** What the last import (or copy onto other instruments) did: how many rules it created, or why it created none. */
export interface ImportOutcome {
  kind: 'import' | 'copy';
  created: number;
  message: string | null;
  problems: ImportProblem[];
}

/** The rules page: the list, the instruments a rule can watch, and the open create/edit form. */
@Injectable()
export class RulesStore {
  private readonly rulesApi = inject(RulesApi);
  private readonly instrumentsApi = inject(InstrumentsApi);
  private readonly ruleList = signal<AlertRule[]>([]);
  private readonly instrumentList = signal<Instrument[]>([]);
  private readonly errorSignal = signal<string | null>(null);
  private readonly editingSignal = signal<AlertRule | 'new' | null>(null);
  private readonly copySignal = signal<AlertRule | null>(null);
  private readonly formErrorSignal = signal<ApiError | null>(null);
  private readonly savingSignal = signal(false);
  private readonly loadingSignal = signal(true);
  readonly rules = this.ruleList.asReadonly();
  readonly instruments = this.instrumentList.asReadonly();
  readonly error = this.errorSignal.asReadonly();
  readonly loading = this.loadingSignal.asReadonly();
  /** The rule being edited; 'new' for the create form; null when the form is closed. */
  readonly editing = this.editingSignal.asReadonly();
  /** While a new rule is being made with Duplicate: the rule it starts as a copy of. */
  readonly copyOf = this.copySignal.asReadonly();
  /** The server's answer to the last save of the open form. */
  readonly formError = this.formErrorSignal.asReadonly();
  readonly saving = this.savingSignal.asReadonly();
  readonly activeCount = computed(() => this.ruleList().filter((r) => r.active).length);
  /** The table's search, filters and sort. */
  readonly query = signal<RuleViewQuery>(DEFAULT_RULE_VIEW);
  readonly visible = computed(() => viewRules(this.ruleList(), this.query()));
  private readonly selectedSignal = signal<ReadonlySet<number>>(new Set());
  /** Selected rules that are still in the list and shown: a filter never hides what a bulk action touches. */
  readonly selected = computed(() => this.visible().filter((r) => this.selectedSignal().has(r.id)));
  private readonly bulkBusySignal = signal(false);
  readonly bulkBusy = this.bulkBusySignal.asReadonly();
  private readonly importSignal = signal<ImportOutcome | null>(null);
  readonly importOutcome = this.importSignal.asReadonly();

  constructor() {
    // "Last fired" and "fires today" follow the alerts as they fire.
    inject(RealtimeService)
      .on('alert_fired')
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((alert) => this.ruleList.update((l) => l.map((r) => (r.id === alert.rule_id ? afterFiring(r, alert.timestamp) : r))));
    // At 00:00 UTC the server's count starts again; so does the page's, without a reload.
    let midnight: ReturnType<typeof setTimeout>;
    const schedule = (): void => {
      midnight = setTimeout(() => {
        this.ruleList.update((l) => l.map((r) => (r.fires_today === 0 ? r : { ...r, fires_today: 0 })));
        schedule();
      }, msUntilUtcMidnight());
    };
    schedule();
    inject(DestroyRef).onDestroy(() => clearTimeout(midnight));
  }

  async load(): Promise<void> {
    this.loadingSignal.set(true);
    try {
      const [rules, instruments] = await Promise.all([this.rulesApi.list(), this.instrumentsApi.list()]);
      this.ruleList.set(rules);
      this.instrumentList.set(instruments);
      this.errorSignal.set(null);
    } catch (e) {
      this.errorSignal.set(ApiError.from(e).message);
    } finally {
      this.loadingSignal.set(false);
    }
  }

  startCreate(): void {
    this.open('new');
  }

  startEdit(rule: AlertRule): void {
    this.open(rule);
  }

  /** A new rule that starts with every setting of this one (typically for another instrument); saving creates it, the original stays as it is. */
  startCopy(rule: AlertRule): void {
    this.open('new', rule);
  }

  closeForm(): void {
    this.open(null);
  }

  /** Saves the open form; on failure the error stays for the form to place on its fields. */
  async save(body: CreateRuleRequest): Promise<boolean> {
    const editing = this.editingSignal();
    this.savingSignal.set(true);
    try {
      if (editing && editing !== 'new') {
        const updated = await this.rulesApi.update(editing.id, body);
        this.replace(updated);
      } else {
        const created = await this.rulesApi.create(body);
        this.ruleList.update((l) => [created, ...l]);
      }
      this.open(null);
      return true;
    } catch (e) {
      this.formErrorSignal.set(ApiError.from(e));
      return false;
    } finally {
      this.savingSignal.set(false);
    }
  }

  /** True when the server took the change. */
  async toggle(rule: AlertRule, active: boolean): Promise<boolean> {
    try {
      this.replace(await this.rulesApi.update(rule.id, { active }));
      this.errorSignal.set(null);
      return true;
    } catch (e) {
      this.errorSignal.set(ApiError.from(e).message);
      return false;
    }
  }

  async remove(rule: AlertRule): Promise<boolean> {
    try {
      await this.rulesApi.remove(rule.id);
      this.ruleList.update((l) => l.filter((r) => r.id !== rule.id));
      const editing = this.editingSignal();
      if (editing !== 'new' && editing?.id === rule.id) this.open(null);
      this.errorSignal.set(null);
      return true;
    } catch (e) {
      this.errorSignal.set(ApiError.from(e).message);
      return false;
    }
  }

  select(ids: Iterable<number>): void {
    this.selectedSignal.set(new Set(ids));
  }

  /** Applies one action to the selected rules, all or nothing; the list is then re-read, since versions move too. */
  async bulk(action: BulkAction): Promise<boolean> {
    const ids = this.selected().map((r) => r.id);
    if (ids.length === 0) return false;
    this.bulkBusySignal.set(true);
    try {
      await this.rulesApi.bulk({ action, ids });
      this.selectedSignal.set(new Set());
      this.ruleList.set(await this.rulesApi.list());
      const editing = this.editingSignal();
      if (action === 'delete' && editing !== 'new' && editing && ids.includes(editing.id)) this.open(null);
      this.errorSignal.set(null);
      return true;
    } catch (e) {
      this.errorSignal.set(ApiError.from(e).message);
      return false;
    } finally {
      this.bulkBusySignal.set(false);
    }
  }

  /** Copies the selected rules onto these instruments, all or nothing; the outcome shows where an import's does. */
  async copySelected(symbols: string[]): Promise<boolean> {
    const ids = this.selected().map((r) => r.id);
    if (ids.length === 0 || symbols.length === 0) return false;
    this.bulkBusySignal.set(true);
    try {
      const result = await this.rulesApi.copy({ ids, symbols });
      this.importSignal.set({ kind: 'copy', created: result.created, message: null, problems: [] });
      this.selectedSignal.set(new Set());
      this.ruleList.set(await this.rulesApi.list());
      return true;
    } catch (e) {
      const error = ApiError.from(e);
      const details = Object.entries(error.paths).map(([path, messages]) => ({ entry: 0, label: path, messages: [...messages] }));
      this.importSignal.set({ kind: 'copy', created: 0, message: error.message, problems: details });
      return false;
    } finally {
      this.bulkBusySignal.set(false);
    }
  }

  async exportAll(): Promise<RuleExport | null> {
    try {
      const file = await this.rulesApi.exportAll();
      this.errorSignal.set(null);
      return file;
    } catch (e) {
      this.errorSignal.set(ApiError.from(e).message);
      return null;
    }
  }

  /** Imports every rule or none; on refusal the outcome names each bad entry by its place in the file. */
  async importRules(rules: ExportedRule[]): Promise<boolean> {
    try {
      const result = await this.rulesApi.importRules({ rules });
      this.importSignal.set({ kind: 'import', created: result.created, message: null, problems: [] });
      this.ruleList.set(await this.rulesApi.list());
      return true;
    } catch (e) {
      const error = ApiError.from(e);
      this.importSignal.set({ kind: 'import', created: 0, message: error.message, problems: importProblems(error.paths, rules) });
      return false;
    }
  }

  /** A file that is not an export at all never reaches the server. */
  rejectImport(message: string): void {
    this.importSignal.set({ kind: 'import', created: 0, message, problems: [] });
  }

  dismissImport(): void {
    this.importSignal.set(null);
  }

  private open(target: AlertRule | 'new' | null, copyOf: AlertRule | null = null): void {
    this.editingSignal.set(target);
    this.copySignal.set(copyOf);
    this.formErrorSignal.set(null);
  }

  private replace(updated: AlertRule): void {
    this.ruleList.update((l) => l.map((r) => (r.id === updated.id ? updated : r)));
  }
}
