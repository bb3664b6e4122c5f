import { ChangeDetectionStrategy, Component, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { INSTRUMENT_TYPES, type CreateInstrumentRequest, type InstrumentType } from '@tradeassist/shared-types';
import type { ApiError } from '../../core/api/api-error';

@Component({
  selector: 'ta-instrument-form',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" (ngSubmit)="submit()">
      <mat-form-field>
        <mat-label>Symbol</mat-label>
        <input matInput name="symbol" [(ngModel)]="symbol" required maxlength="32" data-testid="instrument-symbol" />
        @if (errors()['symbol']; as e) {
          <mat-error>{{ e.join('; ') }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field class="wide">
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
      <button mat-flat-button type="submit" [disabled]="!symbol() || !name()" data-testid="instrument-save">Add instrument</button>
    </form>
    @if (message(); as m) {
      <p class="error" role="alert">{{ m }}</p>
    }
  `,
  styles: `
    .form {
      display: flex;
      gap: 12px;
      align-items: baseline;
      flex-wrap: wrap;
    }
    .wide {
      min-width: 280px;
    }
    .error {
      color: var(--ta-down);
      margin: 0;
    }
  `,
})
export class InstrumentForm {
  readonly create = output<{ body: CreateInstrumentRequest; done: (error: ApiError | null) => void }>();
  protected readonly types = INSTRUMENT_TYPES;
  protected readonly symbol = signal('');
  protected readonly name = signal('');
  protected readonly type = signal<InstrumentType>('equity');
  protected readonly errors = signal<Record<string, string[]>>({});
  protected readonly message = signal<string | null>(null);

  protected submit(): void {
    this.create.emit({
      body: { symbol: this.symbol().trim(), name: this.name().trim(), type: this.type() },
      done: (error) => {
        this.errors.set(error?.fields ?? {});
        this.message.set(error ? error.message : null);
        if (!error) {
          this.symbol.set('');
          this.name.set('');
        }
      },
    });
  }
}
