import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TimezoneField } from '../../shared/timezone-field';
import { MatcherCache, errorAt, fieldError, type FieldErrors } from '../../shared/field-errors';
import { browserTimezone, type QuietHoursDraft } from './preferences-draft';

const EDGES = [
  { key: 'start', label: 'From' },
  { key: 'end', label: 'Until' },
] as const;

/** A daily window of quiet in a timezone of the user's choosing (the browser's by default). */
@Component({
  selector: 'ta-quiet-hours-fields',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatSlideToggleModule, TimezoneField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-slide-toggle [ngModel]="quiet().enabled" (ngModelChange)="patch({ enabled: $event })" data-testid="quiet-enabled">
      Keep quiet hours
    </mat-slide-toggle>
    @if (quiet().enabled) {
      <div class="row">
        @for (edge of edges; track edge.key) {
          <mat-form-field class="time">
            <mat-label>{{ edge.label }}</mat-label>
            <input
              matInput
              type="time"
              required
              [ngModel]="quiet()[edge.key]"
              (ngModelChange)="setTime(edge.key, $event)"
              [errorStateMatcher]="matchers.at('quiet_hours.' + edge.key)"
              [attr.data-testid]="'quiet-' + edge.key"
            />
            <mat-error>{{ error('quiet_hours.' + edge.key) }}</mat-error>
          </mat-form-field>
        }
        <ta-timezone-field
          class="zone"
          [value]="quiet().timezone"
          (valueChange)="patch({ timezone: $event })"
          [hint]="'This browser’s: ' + browserZone"
          [error]="error('quiet_hours.timezone')"
          testid="quiet-timezone"
        />
      </div>
      @if (exact('quiet_hours'); as e) {
        <p class="error" role="alert">{{ e }}</p>
      }
    }
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      margin-top: 12px;
    }
    .time {
      width: 140px;
    }
    .zone {
      width: 300px;
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class QuietHoursFields {
  readonly quiet = model.required<QuietHoursDraft>();
  readonly errors = input<FieldErrors>({});

  protected readonly edges = EDGES;
  protected readonly browserZone = browserTimezone();
  protected readonly exact = (path: string): string | null => errorAt(this.errors(), path);
  protected readonly matchers = new MatcherCache(() => this.errors(), 'below');

  protected patch(change: Partial<QuietHoursDraft>): void {
    this.quiet.update((q) => ({ ...q, ...change }));
  }

  protected setTime(edge: 'start' | 'end', time: string): void {
    this.patch({ [edge]: time });
  }

  protected error(path: string): string | null {
    return fieldError(this.errors(), path);
  }
}
