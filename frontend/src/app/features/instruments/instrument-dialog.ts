import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { DEFAULT_INSTRUMENT_TIMEZONE, INSTRUMENT_TYPES, type Instrument, type InstrumentType } from '@tradeassist/shared-types';
import type { ApiError } from '../../core/api/api-error';
import { TimezoneField } from '../../shared/timezone-field';
import { isTimezone } from '../../shared/timezones';
import { InstrumentsStore } from './instruments.store';

const FIELDS = ['symbol', 'name', 'type', 'timezone'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Adds an instrument, or edits one (given as the dialog's data: its name and timezone, as the API
 * changes no symbol or type); opened with the page's injector so it shares the page's store.
 */
@Component({
  selector: 'ta-instrument-dialog',
  imports: [FormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TimezoneField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ editing ? 'Edit ' + editing.symbol : 'Add instrument' }}</h2>
    <form (ngSubmit)="submit()">
      <mat-dialog-content class="form">
        <mat-form-field>
          <mat-label>Symbol</mat-label>
          <input
            matInput
            name="symbol"
            [(ngModel)]="symbol"
            required
            maxlength="32"
            [disabled]="!!editing"
            [errorStateMatcher]="matchers.symbol"
            data-testid="instrument-symbol"
          />
          <mat-hint>{{ editing ? 'A symbol stays as it was created' : 'Stored upper-case' }}</mat-hint>
          <mat-error>{{ fieldError('symbol') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input
            matInput
            name="name"
            [(ngModel)]="name"
            required
            maxlength="200"
            [errorStateMatcher]="matchers.name"
            data-testid="instrument-name"
          />
          <mat-error>{{ fieldError('name') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Type</mat-label>
          <mat-select
            name="type"
            [(ngModel)]="type"
            [disabled]="!!editing"
            [errorStateMatcher]="matchers.type"
            data-testid="instrument-type"
          >
            @for (t of types; track t) {
              <mat-option [value]="t">{{ t }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ fieldError('type') }}</mat-error>
        </mat-form-field>
        <ta-timezone-field
          [(value)]="timezone"
          label="Market timezone (IANA)"
          hint="Custom rule sessions without a timezone of their own run in it"
          [error]="fieldError('timezone')"
          testid="instrument-timezone"
        />
        @for (line of messages(); track $index) {
          <p class="error" role="alert">{{ line }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="!canSave()" data-testid="instrument-save">
          {{ editing ? 'Save changes' : 'Add instrument' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 380px;
    }
    .error {
      color: var(--ta-down);
      margin: 0;
    }
  `,
})
export class InstrumentDialog {
  private readonly store = inject(InstrumentsStore);
  private readonly ref = inject<MatDialogRef<InstrumentDialog, boolean>>(MatDialogRef);
  protected readonly editing = inject<Instrument | null>(MAT_DIALOG_DATA, { optional: true });
  protected readonly types = INSTRUMENT_TYPES;
  protected readonly symbol = signal(this.editing?.symbol ?? '');
  protected readonly name = signal(this.editing?.name ?? '');
  protected readonly type = signal<InstrumentType>(this.editing?.type ?? 'future');
  protected readonly timezone = signal(this.editing?.timezone ?? DEFAULT_INSTRUMENT_TIMEZONE);
  protected readonly saving = signal(false);
  /** The server's last refusal. */
  private readonly error = signal<ApiError | null>(null);
  protected readonly canSave = computed(
    () => !this.saving() && this.symbol().trim() !== '' && this.name().trim() !== '' && isTimezone(this.timezone().trim()),
  );
  /** The server's message, then what it said about anything the form has no field for. */
  protected readonly messages = computed(() => {
    const error = this.error();
    if (!error) return [];
    const others = Object.entries(error.fields).filter(([field]) => !(FIELDS as readonly string[]).includes(field));
    return [error.message, ...others.map(([field, messages]) => `${field}: ${messages.join('; ')}`)];
  });
  protected readonly matchers = { symbol: this.matcher('symbol'), name: this.matcher('name'), type: this.matcher('type') };

  protected fieldError(field: Field): string | null {
    return this.error()?.fields[field]?.join('; ') ?? null;
  }

  /** In error while the server's last answer names the field, or once touched while invalid. */
  private matcher(field: Field): ErrorStateMatcher {
    return { isErrorState: (control) => this.fieldError(field) !== null || !!(control?.invalid && control.touched) };
  }

  protected async submit(): Promise<void> {
    if (!this.canSave()) return;
    this.saving.set(true);
    const name = this.name().trim();
    const timezone = this.timezone().trim();
    const error = this.editing
      ? await this.store.update(this.editing, { name, timezone })
      : await this.store.create({ symbol: this.symbol().trim(), name, type: this.type(), timezone });
    this.saving.set(false);
    this.error.set(error);
    if (!error) this.ref.close(true);
  }
}
