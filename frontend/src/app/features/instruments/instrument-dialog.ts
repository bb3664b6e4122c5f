import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { INSTRUMENT_TYPES, type InstrumentType } from '@tradeassist/shared-types';
import { InstrumentsStore } from './instruments.store';

/** Adds an instrument; opened with the page's injector so it shares the page's store. */
@Component({
  selector: 'ta-instrument-dialog',
  imports: [FormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Add instrument</h2>
    <form (ngSubmit)="submit()">
      <mat-dialog-content class="form">
        <mat-form-field>
          <mat-label>Symbol</mat-label>
          <input matInput name="symbol" [(ngModel)]="symbol" required maxlength="32" data-testid="instrument-symbol" />
          <mat-hint>Stored upper-case</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Name</mat-label>
          <input matInput name="name" [(ngModel)]="name" required maxlength="200" data-testid="instrument-name" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>Type</mat-label>
          <mat-select name="type" [(ngModel)]="type" data-testid="instrument-type">
            @for (t of types; track t) {
              <mat-option [value]="t">{{ t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @for (line of errors(); track $index) {
          <p class="error" role="alert">{{ line }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving() || !symbol().trim() || !name().trim()" data-testid="instrument-save">
          Add instrument
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 360px;
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
  protected readonly types = INSTRUMENT_TYPES;
  protected readonly symbol = signal('');
  protected readonly name = signal('');
  protected readonly type = signal<InstrumentType>('future');
  protected readonly saving = signal(false);
  /** The server's message, then each field message it listed. */
  protected readonly errors = signal<string[]>([]);

  protected async submit(): Promise<void> {
    this.saving.set(true);
    const error = await this.store.create({ symbol: this.symbol().trim(), name: this.name().trim(), type: this.type() });
    this.saving.set(false);
    if (!error) {
      this.ref.close(true);
      return;
    }
    const fieldLines = Object.entries(error.fields).map(([field, messages]) => `${field}: ${messages.join('; ')}`);
    this.errors.set([error.message, ...fieldLines]);
  }
}
