import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { isTimezone, timezoneSuggestions } from './timezones';

/** An IANA timezone typed with suggestions; flags a name the browser does not know, and shows the server's message. */
@Component({
  selector: 'ta-timezone-field',
  imports: [FormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field subscriptSizing="dynamic" [floatLabel]="placeholder() ? 'always' : 'auto'">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [ngModel]="value()"
        (ngModelChange)="value.set($event)"
        [matAutocomplete]="zones"
        [placeholder]="placeholder()"
        [errorStateMatcher]="matcher"
        [attr.data-testid]="testid()"
      />
      <mat-autocomplete #zones="matAutocomplete" (optionSelected)="value.set($event.option.value)">
        @for (z of suggestions(); track z) {
          <mat-option [value]="z">{{ z }}</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ hint() }}</mat-hint>
      <mat-error>{{ message() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
})
export class TimezoneField {
  readonly value = model.required<string>();
  readonly label = input('Timezone (IANA)');
  readonly hint = input('e.g. America/New_York, Europe/London');
  /** Shown while blank, with the label kept up so it is seen: what blank stands for. */
  readonly placeholder = input('');
  /** The server's message about the field, if its last answer named it. */
  readonly error = input<string | null>(null);
  readonly testid = input.required<string>();

  protected readonly suggestions = computed(() => timezoneSuggestions(this.value()));
  /** Blank is for the caller to allow or not; a name Intl cannot read never is. */
  protected readonly unknown = computed(() => this.value().trim() !== '' && !isTimezone(this.value().trim()));
  protected readonly message = computed(
    () => this.error() ?? (this.unknown() ? 'Unknown timezone: use an IANA name such as Europe/London' : null),
  );
  protected readonly matcher: ErrorStateMatcher = {
    isErrorState: (control) => this.error() !== null || (this.unknown() && !!control?.touched),
  };
}
