import { Injectable, computed, inject, signal } from '@angular/core';
import type { AlertRule, CreateRuleRequest, Instrument } from '@tradeassist/shared-types';
import { ApiError } from '../../core/api/api-error';
import { InstrumentsApi } from '../../core/api/instruments-api';
import { RulesApi } from '../../core/api/rules-api';

@Injectable()
export class RulesStore {
  private readonly rulesApi = inject(RulesApi);
  private readonly instrumentsApi = inject(InstrumentsApi);
  private readonly ruleList = signal<AlertRule[]>([]);
  private readonly instrumentList = signal<Instrument[]>([]);
  readonly rules = this.ruleList.asReadonly();
  readonly instruments = this.instrumentList.asReadonly();
  readonly error = signal<string | null>(null);
  /** The rule being edited; 'new' for the create form; null when the form is closed. */
  readonly editing = signal<AlertRule | 'new' | null>(null);
  readonly activeCount = computed(() => this.ruleList().filter((r) => r.active).length);

  async load(): Promise<void> {
    try {
      const [rules, instruments] = await Promise.all([this.rulesApi.list(), this.instrumentsApi.list()]);
      this.ruleList.set(rules);
      this.instrumentList.set(instruments);
      this.error.set(null);
    } catch (e) {
      this.error.set(ApiError.from(e).message);
    }
  }

  /** Saves the open form; returns the server's error for the form to place on its fields. */
  async save(body: CreateRuleRequest): Promise<ApiError | null> {
    const editing = this.editing();
    try {
      if (editing && editing !== 'new') {
        const updated = await this.rulesApi.update(editing.id, body);
        this.ruleList.update((l) => l.map((r) => (r.id === updated.id ? updated : r)));
      } else {
        const created = await this.rulesApi.create(body);
        this.ruleList.update((l) => [created, ...l]);
      }
      this.editing.set(null);
      return null;
    } catch (e) {
      return ApiError.from(e);
    }
  }

  async toggle(rule: AlertRule, active: boolean): Promise<void> {
    try {
      const updated = await this.rulesApi.update(rule.id, { active });
      this.ruleList.update((l) => l.map((r) => (r.id === updated.id ? updated : r)));
      this.error.set(null);
    } catch (e) {
      this.error.set(ApiError.from(e).message);
    }
  }

  async remove(rule: AlertRule): Promise<void> {
    try {
      await this.rulesApi.remove(rule.id);
      this.ruleList.update((l) => l.filter((r) => r.id !== rule.id));
      const editing = this.editing();
      if (editing !== 'new' && editing?.id === rule.id) this.editing.set(null);
      this.error.set(null);
    } catch (e) {
      this.error.set(ApiError.from(e).message);
    }
  }
}
