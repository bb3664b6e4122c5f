import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PreviewState } from './channels.store';

/** A channel's message template: the text, the variables it may use, the built-in one, and the text a sample alert gives. */
@Component({
  selector: 'ta-template-editor',
  imports: [FormsModule, MatButtonModule, MatChipsModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="text" subscriptSizing="dynamic">
      <mat-label>Message template</mat-label>
      <textarea
        matInput
        rows="4"
        [ngModel]="template()"
        (ngModelChange)="template.set($event)"
        placeholder="Blank: the built-in template below"
        [errorStateMatcher]="matcher"
        data-testid="template"
      ></textarea>
      <mat-hint>Handlebars; a variable not listed below is refused on save.</mat-hint>
      <mat-error data-testid="template-error">{{ error() }}</mat-error>
    </mat-form-field>
    <div class="variables">
      <span class="dim" id="variables-label">Insert:</span>
      <mat-chip-set aria-labelledby="variables-label">
        @for (v of variables(); track v) {
          <mat-chip (click)="insert(v)" [attr.data-testid]="'variable-' + v">{{ '{{' + v + '}}' }}</mat-chip>
        }
      </mat-chip-set>
    </div>
    <div class="columns">
      <section>
        <div class="heading">
          <h3>Built-in template</h3>
          <button mat-button type="button" (click)="template.set(defaultTemplate())" data-testid="template-use-default">
            Start from it
          </button>
        </div>
        <pre data-testid="template-default">{{ defaultTemplate() }}</pre>
      </section>
      <section aria-live="polite">
        <h3>Preview for a sample alert</h3>
        @switch (preview().kind) {
          @case ('loading') {
            <p class="dim">Rendering…</p>
          }
          @case ('shown') {
            <pre data-testid="template-preview">{{ text() }}</pre>
          }
          @case ('error') {
            <p class="error" data-testid="template-preview-error">{{ text() }}</p>
          }
        }
      </section>
    </div>
  `,
  styles: `
    .text {
      width: 100%;
    }
    textarea {
      font-family: monospace;
    }
    .variables {
      display: flex;
      gap: 8px;
      align-items: baseline;
      margin-top: 8px;
    }
    .variables mat-chip {
      cursor: pointer;
      font-family: monospace;
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      gap: 16px;
      margin-top: 8px;
    }
    .heading {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    h3 {
      margin: 8px 0 4px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-primary);
    }
    pre {
      margin: 0;
      padding: 8px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      background: var(--mat-sys-surface-container-high);
      border-radius: 4px;
      font-size: 12px;
    }
    .dim {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
      overflow-wrap: anywhere;
    }
  `,
})
export class TemplateEditor {
  /** '' for the built-in template. */
  readonly template = model.required<string>();
  readonly defaultTemplate = input.required<string>();
  readonly variables = input.required<readonly string[]>();
  readonly preview = input.required<PreviewState>();
  /** The server's refusal of the template on save. */
  readonly error = input<string | null>(null);

  protected readonly matcher: ErrorStateMatcher = { isErrorState: () => this.error() !== null };

  protected text(): string {
    const p = this.preview();
    return p.kind === 'shown' ? p.text : p.kind === 'error' ? p.message : '';
  }

  protected insert(variable: string): void {
    const text = this.template();
    this.template.set(`${text}${text === '' || /\s$/.test(text) ? '' : ' '}{{${variable}}}`);
  }
}
