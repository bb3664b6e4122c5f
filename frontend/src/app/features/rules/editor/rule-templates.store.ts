import { Injectable, inject, signal } from '@angular/core';
import type { CreateRuleTemplateRequest, RuleTemplate } from '@tradeassist/shared-types';
import { ApiError } from '../../../core/api/api-error';
import { RuleTemplatesApi } from '../../../core/api/rules-api';

/** The templates the editor can start from, and saving the open rule as a new one. */
@Injectable()
export class RuleTemplatesStore {
  private readonly api = inject(RuleTemplatesApi);
  private readonly list = signal<RuleTemplate[]>([]);
  private readonly messageSignal = signal<{ text: string; error: boolean } | null>(null);
  readonly templates = this.list.asReadonly();
  /** The outcome of the last load or save, for one line under the picker. */
  readonly message = this.messageSignal.asReadonly();

  async load(): Promise<void> {
    try {
      this.list.set(await this.api.list());
    } catch (e) {
      this.messageSignal.set({ text: `Templates could not be loaded: ${ApiError.from(e).message}`, error: true });
    }
  }

  async save(body: CreateRuleTemplateRequest): Promise<RuleTemplate | null> {
    try {
      const created = await this.api.create(body);
      this.list.update((l) => [...l, created]);
      this.messageSignal.set({ text: `Saved as template “${created.name}”`, error: false });
      return created;
    } catch (e) {
      const error = ApiError.from(e);
      const details = Object.entries(error.paths).map(([path, messages]) => `${path}: ${messages.join('; ')}`);
      this.messageSignal.set({ text: [error.message, ...details].join(' · '), error: true });
      return null;
    }
  }

  async remove(template: RuleTemplate): Promise<boolean> {
    try {
      await this.api.remove(template.id);
      this.list.update((l) => l.filter((t) => t.id !== template.id));
      this.messageSignal.set({ text: `Deleted template “${template.name}”`, error: false });
      return true;
    } catch (e) {
      this.messageSignal.set({ text: ApiError.from(e).message, error: true });
      return false;
    }
  }
}
