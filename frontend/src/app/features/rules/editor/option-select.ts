import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ServerErrorMatcher } from '../../../shared/field-errors';

/** A select over one of a rule's enumerated options, in words, with the server's message when it refused the value. */
@Component({
  selector: 'ta-option-select',
  imports: [FormsModule, MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <mat-select [ngModel]="value()" (ngModelChange)="value.set($event)" [errorStateMatcher]="matcher" [attr.data-testid]="testid()">
        @for (v of values(); track v) {
          <mat-option [value]="v">{{ labels()?.[v] ?? v }}</mat-option>
        }
      </mat-select>
      @if (hint()) {
        <mat-hint>{{ hint() }}</mat-hint>
      }
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
})
export class OptionSelect<T extends string> {
  readonly value = model.required<T>();
  readonly values = input.required<readonly T[]>();
  readonly labels = input<Readonly<Record<T, string>> | null>(null);
  readonly label = input.required<string>();
  readonly hint = input('');
  readonly error = input<string | null>(null);
  readonly testid = input.required<string>();
  protected readonly matcher = new ServerErrorMatcher(() => this.error() !== null);
}
