import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { ChannelField } from '@tradeassist/shared-types';
import { MatcherCache, fieldError, type FieldErrors } from '../../shared/field-errors';

/** A channel's settings: secrets only as set or not set with their variable, editable ones as inputs, the rest as read. */
@Component({
  selector: 'ta-channel-fields',
  imports: [FormsModule, MatFormFieldModule, MatIconModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fields">
      @for (f of fields(); track f.key) {
        @if (f.editable && !f.secret) {
          <mat-form-field subscriptSizing="dynamic" class="editable">
            <mat-label>{{ f.label }}</mat-label>
            <input
              matInput
              [ngModel]="values()[f.key] ?? ''"
              (ngModelChange)="set(f.key, $event)"
              [errorStateMatcher]="matchers.at('values.' + f.key)"
              [attr.data-testid]="'field-' + f.key"
            />
            <mat-hint
              >{{ f.description }} Blank: the value of <code>{{ f.env }}</code></mat-hint
            >
            <mat-error>{{ error('values.' + f.key) }}</mat-error>
          </mat-form-field>
        } @else {
          <div class="read" [attr.data-testid]="'field-' + f.key">
            <span class="label" [title]="f.description">{{ f.label }}</span>
            @if (f.secret) {
              <span class="state" [class.unset]="!f.set">
                <mat-icon inline>{{ f.set ? 'lock' : 'lock_open' }}</mat-icon>{{ f.set ? 'set' : 'not set' }}
              </span>
            } @else {
              <span class="value">{{ f.value ?? 'not set' }}</span>
            }
            <code class="env">{{ f.env }}</code>
          </div>
        }
      }
    </div>
  `,
  styles: `
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 12px;
      align-items: start;
    }
    /* An input takes the card's width so its hint (what the setting is for) is read in full. */
    .editable {
      grid-column: 1 / -1;
    }
    .read {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 4px 0;
    }
    .label {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .value {
      overflow-wrap: anywhere;
    }
    .state {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      color: var(--ta-up);
    }
    .state.unset {
      color: var(--ta-warn);
    }
    .env {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ChannelFields {
  readonly fields = input.required<readonly ChannelField[]>();
  readonly values = model.required<Record<string, string>>();
  readonly errors = input<FieldErrors>({});

  protected readonly matchers = new MatcherCache(() => this.errors(), 'below');
  protected readonly error = (path: string): string | null => fieldError(this.errors(), path);

  protected set(key: string, value: string): void {
    this.values.update((v) => ({ ...v, [key]: value }));
  }
}
