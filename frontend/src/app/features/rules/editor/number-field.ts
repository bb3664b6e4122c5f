import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ServerErrorMatcher } from '../../../shared/field-errors';

/** A number a rule states (a level, a bound, a window), blank as null, with the server's message when it refused it. */
@Component({
  selector: 'ta-number-field',
  imports: [FormsModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="number"
        [step]="step()"
        [ngModel]="value()"
        (ngModelChange)="value.set($event)"
        [errorStateMatcher]="matcher"
        [attr.data-testid]="testid()"
      />
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
})
export class NumberField {
  readonly value = model.required<number | null>();
  readonly label = input.required<string>();
  readonly step = input<number | 'any'>('any');
  readonly error = input<string | null>(null);
  readonly testid = input.required<string>();
  protected readonly matcher = new ServerErrorMatcher(() => this.error() !== null);
}
