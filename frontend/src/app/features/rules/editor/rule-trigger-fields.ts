import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { BAR_INTERVALS, PRICE_SOURCES, TRIGGER_MODES, type RearmRule, type RuleOptions } from '@tradeassist/shared-types';
import { PRICE_SOURCE_LABELS, TRIGGER_MODE_LABELS } from '../rule-labels';
import { OptionSelect } from './option-select';
import { errorAt, matchersFor, type FieldErrors } from '../../../shared/field-errors';
import { isoToUtcInput, utcInputToIso } from './utc-input';

const PATHS = ['rearm', 'rearm.by', 'rearm.unit', 'expires_at'] as const;
type Path = (typeof PATHS)[number] | 'trigger_mode' | 'bar_interval' | 'price_source';

/** When and how often a rule fires: trigger mode, bars, the price it reads, re-arm hysteresis and expiry. */
@Component({
  selector: 'ta-rule-trigger-fields',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, OptionSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="grid">
      <ta-option-select
        label="Fires"
        [values]="modes"
        [labels]="modeLabels"
        [value]="options().trigger_mode"
        (valueChange)="patch({ trigger_mode: $event })"
        [error]="error('trigger_mode')"
        testid="rule-trigger-mode"
      />
      <ta-option-select
        label="Bar interval"
        [values]="intervals"
        [value]="options().bar_interval"
        (valueChange)="patch({ bar_interval: $event })"
        [hint]="barsMatter() ? 'Bars aligned on UTC' : 'Used by bar modes and indicators'"
        [error]="error('bar_interval')"
        testid="rule-bar-interval"
      />
      <ta-option-select
        label="Price source"
        [values]="sources"
        [labels]="sourceLabels"
        [value]="options().price_source"
        (valueChange)="patch({ price_source: $event })"
        [error]="error('price_source')"
        testid="rule-price-source"
      />
      <mat-form-field>
        <mat-label>Expires at (UTC, optional)</mat-label>
        <input
          matInput
          type="datetime-local"
          [ngModel]="expiry()"
          (ngModelChange)="patch({ expires_at: toIso($event) })"
          [errorStateMatcher]="matchers.expires_at"
          data-testid="rule-expires-at"
        />
        <mat-error>{{ error('expires_at') }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>Re-arm after a firing</mat-label>
        <mat-select
          [ngModel]="options().rearm?.unit ?? ''"
          (ngModelChange)="rearmUnit($event)"
          [errorStateMatcher]="matchers['rearm.unit']"
          data-testid="rule-rearm-unit"
        >
          <mat-option value="">at once (no hysteresis)</mat-option>
          <mat-option value="percent">when the price moves back by %</mat-option>
          <mat-option value="value">when the price moves back by points</mat-option>
        </mat-select>
        <mat-error>{{ error('rearm.unit') ?? error('rearm') }}</mat-error>
      </mat-form-field>
      @if (options().rearm; as rearm) {
        <mat-form-field>
          <mat-label>Move back by {{ rearm.unit === 'percent' ? '(%)' : '(points)' }}</mat-label>
          <input
            matInput
            type="number"
            step="any"
            [ngModel]="rearm.by"
            (ngModelChange)="patch({ rearm: { by: $event, unit: rearm.unit } })"
            [errorStateMatcher]="matchers['rearm.by']"
            data-testid="rule-rearm-by"
          />
          <mat-error>{{ error('rearm.by') }}</mat-error>
        </mat-form-field>
      }
    </div>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 4px 12px;
    }
  `,
})
export class RuleTriggerFields {
  readonly options = model.required<RuleOptions>();
  readonly errors = input<FieldErrors>({});
  /** Whether bars are in play (a bar mode or an indicator), for the hint. */
  readonly barsMatter = input(false);

  protected readonly modes = TRIGGER_MODES;
  protected readonly intervals = BAR_INTERVALS;
  protected readonly sources = PRICE_SOURCES;
  protected readonly modeLabels = TRIGGER_MODE_LABELS;
  protected readonly sourceLabels = PRICE_SOURCE_LABELS;
  protected readonly matchers = matchersFor(PATHS, () => this.errors());
  protected readonly expiry = computed(() => isoToUtcInput(this.options().expires_at));
  protected readonly toIso = utcInputToIso;

  protected patch(change: Partial<RuleOptions>): void {
    this.options.update((o) => ({ ...o, ...change }));
  }

  protected rearmUnit(unit: RearmRule['unit'] | ''): void {
    const by = this.options().rearm?.by ?? (unit === 'percent' ? 0.2 : 1);
    this.patch({ rearm: unit === '' ? null : { by, unit } });
  }

  protected error(path: Path): string | null {
    return errorAt(this.errors(), path);
  }
}
