import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import type { RuleTemplate } from '@tradeassist/shared-types';

/** "Start from a template": built-in setups first, then the ones traders saved. */
@Component({
  selector: 'ta-rule-template-picker',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row">
      <mat-form-field class="picker">
        <mat-label>Start from a template</mat-label>
        <mat-select (selectionChange)="pick($event.value)" data-testid="rule-template">
          @if (builtin().length > 0) {
            <mat-optgroup label="Built in">
              @for (t of builtin(); track t.id) {
                <mat-option [value]="t.id">{{ t.name }}{{ t.symbol ? ' · ' + t.symbol : '' }}</mat-option>
              }
            </mat-optgroup>
          }
          @if (saved().length > 0) {
            <mat-optgroup label="Saved">
              @for (t of saved(); track t.id) {
                <mat-option [value]="t.id">{{ t.name }}{{ t.symbol ? ' · ' + t.symbol : '' }} ({{ t.owner ?? 'shared' }})</mat-option>
              }
            </mat-optgroup>
          }
        </mat-select>
        <mat-hint>{{ chosen()?.description || 'Fills the form; you can change anything before saving' }}</mat-hint>
      </mat-form-field>
      @if (chosen(); as t) {
        @if (!t.builtin) {
          <button
            mat-icon-button
            type="button"
            (click)="remove.emit(t)"
            [attr.aria-label]="'Delete template ' + t.name"
            data-testid="template-delete"
          >
            <mat-icon>delete</mat-icon>
          </button>
        }
      }
    </div>
  `,
  styles: `
    .row {
      display: flex;
      align-items: flex-start;
      gap: 8px;
    }
    .picker {
      flex: 1;
    }
    button {
      margin-top: 4px;
    }
  `,
})
export class RuleTemplatePicker {
  readonly templates = input.required<readonly RuleTemplate[]>();
  readonly chosenId = input<string | null>(null);
  readonly picked = output<RuleTemplate>();
  /** Saved templates only; built-in ones stay. */
  readonly remove = output<RuleTemplate>();
  protected readonly builtin = computed(() => this.templates().filter((t) => t.builtin));
  protected readonly saved = computed(() => this.templates().filter((t) => !t.builtin));
  protected readonly chosen = computed(() => this.templates().find((t) => t.id === this.chosenId()) ?? null);

  protected pick(id: string): void {
    const template = this.templates().find((t) => t.id === id);
    if (template) this.picked.emit(template);
  }
}
