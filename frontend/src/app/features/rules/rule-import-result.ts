import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { ImportOutcome } from './rules.store';

/** The outcome of an import or a copy: how many rules came in, or each refusal and why (nothing came in then). */
@Component({
  selector: 'ta-rule-import-result',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="result" [class.failed]="outcome().message !== null" role="status" data-testid="import-result">
      <div class="text">
        @if (outcome().message; as message) {
          <b>Nothing was {{ copy() ? 'copied' : 'imported' }}.</b> {{ message }}
          @if (outcome().problems.length > 0) {
            <ul>
              @for (p of outcome().problems; track $index) {
                <li data-testid="import-problem">
                  {{ copy() ? p.label : p.entry > 0 ? 'Rule ' + p.entry + ' (' + p.label + ')' : 'The file' }}: {{ p.messages.join('; ') }}
                </li>
              }
            </ul>
          }
        } @else {
          {{ copy() ? 'Copied: created' : 'Imported' }} {{ outcome().created }} rule{{ outcome().created === 1 ? '' : 's' }}.
        }
      </div>
      <button mat-icon-button (click)="dismiss.emit()" aria-label="Dismiss"><mat-icon>close</mat-icon></button>
    </div>
  `,
  styles: `
    .result {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      padding: 8px 8px 8px 12px;
      border-radius: 8px;
      border-left: 4px solid var(--ta-up);
      background: color-mix(in srgb, var(--ta-up) 10%, transparent);
    }
    .result.failed {
      border-left-color: var(--ta-down);
      background: color-mix(in srgb, var(--ta-down) 12%, transparent);
    }
    .text {
      flex: 1;
      padding-top: 8px;
    }
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
  `,
})
export class RuleImportResult {
  readonly outcome = input.required<ImportOutcome>();
  readonly dismiss = output<void>();
  protected readonly copy = computed(() => this.outcome().kind === 'copy');
}
