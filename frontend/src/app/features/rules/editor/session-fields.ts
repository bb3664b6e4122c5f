import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Instrument, MarketSession, SessionWindow } from '@tradeassist/shared-types';
import { TimezoneField } from '../../../shared/timezone-field';
import { MatcherCache, errorAt, type FieldErrors, type ServerErrorMatcher } from '../../../shared/field-errors';

type SessionKind = MarketSession['kind'];
type CustomSession = Extract<MarketSession, { kind: 'custom' }>;

const DAYS = [
  { day: 1, label: 'Mon' },
  { day: 2, label: 'Tue' },
  { day: 3, label: 'Wed' },
  { day: 4, label: 'Thu' },
  { day: 5, label: 'Fri' },
  { day: 6, label: 'Sat' },
  { day: 7, label: 'Sun' },
];

const EDGES = [
  { key: 'start', label: 'From' },
  { key: 'end', label: 'To' },
] as const;

const newWindow = (): SessionWindow => ({ days: [1, 2, 3, 4, 5], start: '09:30', end: '16:00' });

/** When the rule may fire: always, the US regular session, or weekly windows in a timezone. Null means always. */
@Component({
  selector: 'ta-rule-session-fields',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TimezoneField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="row">
      <mat-form-field>
        <mat-label>Market session</mat-label>
        <mat-select
          [ngModel]="kind()"
          (ngModelChange)="changeKind($event)"
          [errorStateMatcher]="matcher('')"
          data-testid="rule-session-kind"
        >
          <mat-option value="always">always</mat-option>
          <mat-option value="regular">US regular hours (Mon–Fri 09:30–16:00 New York)</mat-option>
          <mat-option value="custom">custom windows</mat-option>
        </mat-select>
        <mat-hint>In tick time</mat-hint>
        <mat-error>{{ error('') }}</mat-error>
      </mat-form-field>
      @if (custom(); as c) {
        <ta-timezone-field
          [value]="c.timezone ?? ''"
          (valueChange)="setTimezone($event)"
          [hint]="timezoneHint()"
          [placeholder]="placeholder()"
          [error]="error('timezone')"
          testid="rule-session-timezone"
        />
      }
    </div>
    @if (custom(); as c) {
      @for (w of c.windows; track $index; let i = $index) {
        <div class="window" [attr.data-testid]="'rule-session-window-' + i">
          <div class="days" role="group" aria-label="Days">
            @for (d of days; track d.day) {
              <mat-checkbox
                [checked]="w.days.includes(d.day)"
                (change)="toggleDay(i, d.day, $event.checked)"
                [attr.data-testid]="'rule-session-day-' + i + '-' + d.day"
                >{{ d.label }}</mat-checkbox
              >
            }
          </div>
          @for (edge of edges; track edge.key) {
            <mat-form-field class="time">
              <mat-label>{{ edge.label }}</mat-label>
              <input
                matInput
                type="time"
                [ngModel]="w[edge.key]"
                (ngModelChange)="setTime(i, edge.key, $event)"
                [errorStateMatcher]="matcher('windows.' + i + '.' + edge.key)"
                [attr.data-testid]="'rule-session-' + edge.key + '-' + i"
              />
              <mat-error>{{ error('windows.' + i + '.' + edge.key) }}</mat-error>
            </mat-form-field>
          }
          <button
            mat-icon-button
            type="button"
            (click)="removeWindow(i)"
            [disabled]="c.windows.length === 1"
            aria-label="Remove this window"
            [attr.data-testid]="'rule-session-remove-' + i"
          >
            <mat-icon>delete</mat-icon>
          </button>
          @if (error('windows.' + i + '.days') ?? error('windows.' + i); as e) {
            <p class="error" [attr.data-testid]="'rule-session-window-error-' + i">{{ e }}</p>
          }
        </div>
      }
      @if (error('windows'); as e) {
        <p class="error" data-testid="rule-session-windows-error">{{ e }}</p>
      }
      <button mat-stroked-button type="button" (click)="addWindow()" data-testid="rule-session-add">
        <mat-icon>add</mat-icon>Add window
      </button>
      <p class="note">
        Times are in that timezone, end excluded. For a window across midnight, add two: 22:00–23:59 and 00:00–06:00 (the API also takes
        24:00 as an end, which this time picker cannot enter).
      </p>
    }
  `,
  styles: `
    .row {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 4px 12px;
    }
    .window {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 12px;
      margin-top: 8px;
    }
    .days {
      display: flex;
      flex-wrap: wrap;
    }
    .time {
      width: 140px;
    }
    .error {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .note {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class RuleSessionFields {
  readonly session = model.required<MarketSession | null>();
  /** The server's messages under 'session' ('' for the session itself, 'windows.0.end', ...). */
  readonly errors = input<FieldErrors>({});
  /** The chosen instrument, whose timezone a custom session without one runs in; null before one is chosen. */
  readonly instrument = input<Pick<Instrument, 'symbol' | 'timezone'> | null>(null);

  protected readonly days = DAYS;
  protected readonly edges = EDGES;
  protected readonly kind = computed<SessionKind>(() => this.session()?.kind ?? 'always');
  protected readonly custom = computed(() => {
    const s = this.session();
    return s?.kind === 'custom' ? s : null;
  });
  protected readonly placeholder = computed(() => {
    const zone = this.instrument()?.timezone;
    return zone ? `${zone} (the instrument's)` : '';
  });
  protected readonly timezoneHint = computed(() => {
    const i = this.instrument();
    return i ? `Blank: the instrument's timezone (${i.symbol}: ${i.timezone})` : "Blank: the instrument's timezone";
  });
  private readonly matchers = new MatcherCache(() => this.errors());

  protected changeKind(kind: SessionKind): void {
    if (kind === 'always') this.session.set(null);
    else if (kind === 'regular') this.session.set({ kind: 'regular' });
    // The regular hours as a starting point, in the instrument's timezone: the usual edit is an hour.
    else this.session.set({ kind: 'custom', windows: [newWindow()] });
  }

  protected patch(change: Partial<CustomSession>): void {
    const c = this.custom();
    if (c) this.session.set({ ...c, ...change });
  }

  /** Blank leaves the key out, which the server reads as the instrument's timezone (and follows it when it changes). */
  protected setTimezone(typed: string): void {
    const c = this.custom();
    if (!c) return;
    const { timezone: _old, ...rest } = c;
    this.session.set(typed.trim() === '' ? rest : { ...rest, timezone: typed });
  }

  protected patchWindow(index: number, change: Partial<SessionWindow>): void {
    const c = this.custom();
    if (c) this.patch({ windows: c.windows.map((w, i) => (i === index ? { ...w, ...change } : w)) });
  }

  protected setTime(index: number, edge: 'start' | 'end', time: string): void {
    this.patchWindow(index, { [edge]: time });
  }

  protected toggleDay(index: number, day: number, on: boolean): void {
    const days = this.custom()?.windows[index]?.days ?? [];
    this.patchWindow(index, { days: on ? [...days, day].sort((a, b) => a - b) : days.filter((d) => d !== day) });
  }

  protected addWindow(): void {
    const c = this.custom();
    if (c) this.patch({ windows: [...c.windows, newWindow()] });
  }

  protected removeWindow(index: number): void {
    const c = this.custom();
    if (c) this.patch({ windows: c.windows.filter((_, i) => i !== index) });
  }

  protected error(path: string): string | null {
    return errorAt(this.errors(), path);
  }

  protected matcher(path: string): ServerErrorMatcher {
    return this.matchers.at(path);
  }
}
