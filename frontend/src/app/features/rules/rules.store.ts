import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AlertRule, CreateRuleRequest, Instrument } from '@tradeassist/shared-types';
import { ApiError } from '../../core/api/api-error';
import { InstrumentsApi } from '../../core/api/instruments-api';
import { RulesApi } from '../../core/api/rules-api';
import { RealtimeService } from '../../core/realtime/realtime.service';

/** The rules page: the list, the instruments a rule can watch, and the open create/edit form. */
@Injectable()
export class RulesStore {
  private readonly rulesApi = inject(RulesApi);
  private readonly instrumentsApi = inject(InstrumentsApi);
  private readonly ruleList = signal<AlertRule[]>([]);
  private readonly instrumentList = signal<Instrument[]>([]);
  private readonly errorSignal = signal<string | null>(null);
  private readonly editingSignal = signal<AlertRule | 'new' | null>(null);
  private readonly formErrorSignal = signal<ApiError | null>(null);
  private readonly savingSignal = signal(false);
  private readonly loadingSignal = signal(true);
  readonly rules = this.ruleList.asReadonly();
  readonly instruments = this.instrumentList.asReadonly();
  readonly error = this.errorSignal.asReadonly();
  readonly loading = this.loadingSignal.asReadonly();
  /** The rule being edited; 'new' for the create form; null when the form is closed. */
  readonly editing = this.editingSignal.asReadonly();
  /** The server's answer to the last save of the open form. */
  readonly formError = this.formErrorSignal.asReadonly();
  readonly saving = this.savingSignal.asReadonly();
  readonly activeCount = computed(() => this.ruleList().filter((r) => r.active).length);

  constructor() {
    // "Last triggered" follows the alerts as they fire.
    inject(RealtimeService)
      .on('alert_fired')
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((alert) =>
        this.ruleList.update((l) => l.map((r) => (r.id === alert.rule_id ? { ...r, last_triggered: alert.timestamp } : r))),
      );
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

  private open(target: AlertRule | 'new' | null): void {
    this.editingSignal.set(target);
    this.formErrorSignal.set(null);
  }

  private replace(updated: AlertRule): void {
    this.ruleList.update((l) => l.map((r) => (r.id === updated.id ? updated : r)));
  }
}
