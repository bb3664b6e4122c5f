import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { INDICATOR_LIMITS, type IndicatorKind, type Operand } from '@tradeassist/shared-types';
import { INDICATOR_KIND_LABELS } from '../rule-labels';
import { defaultOperand } from './operand-defaults';
import { errorAt, matchersFor, type FieldErrors } from '../../../shared/field-errors';

const PARAMS = ['', 'kind', 'period', 'line', 'fast', 'slow', 'signal', 'band', 'k', 'bars', 'factor'] as const;
type Param = (typeof PARAMS)[number];
type NumberParam = 'period' | 'fast' | 'slow' | 'signal' | 'k' | 'bars' | 'factor';

interface NumberField {
  key: NumberParam;
  label: string;
  step: number;
  hint: string;
}
interface ChoiceField {
  key: 'line' | 'band';
  label: string;
  options: readonly { value: string; label: string }[];
}

const PERIOD: NumberField = {
  key: 'period',
  label: 'Period (bars)',
  step: 1,
  hint: `${INDICATOR_LIMITS.period.min}–${INDICATOR_LIMITS.period.max}`,
};

/** The parameters each indicator takes, in the order a trader reads them (the wizard asks the same numbers). */
export const OPERAND_FIELDS: Readonly<Record<IndicatorKind, { choice: ChoiceField | null; numbers: readonly NumberField[] }>> = {
  sma: { choice: null, numbers: [PERIOD] },
  ema: { choice: null, numbers: [PERIOD] },
  rsi: { choice: null, numbers: [PERIOD] },
  macd: {
    choice: {
      key: 'line',
      label: 'Line',
      options: [
        { value: 'macd', label: 'MACD line' },
        { value: 'signal', label: 'signal line' },
        { value: 'histogram', label: 'histogram' },
      ],
    },
    numbers: [
      { key: 'fast', label: 'Fast', step: 1, hint: '' },
      { key: 'slow', label: 'Slow', step: 1, hint: '' },
      { key: 'signal', label: 'Signal', step: 1, hint: '' },
    ],
  },
  bollinger: {
    choice: {
      key: 'band',
      label: 'Band',
      options: [
        { value: 'upper', label: 'upper' },
        { value: 'middle', label: 'middle' },
        { value: 'lower', label: 'lower' },
      ],
    },
    numbers: [PERIOD, { key: 'k', label: 'Deviations (k)', step: 0.1, hint: `${INDICATOR_LIMITS.k.min}–${INDICATOR_LIMITS.k.max}` }],
  },
  avg_volume: {
    choice: null,
    numbers: [
      { key: 'bars', label: 'Bars', step: 1, hint: `${INDICATOR_LIMITS.bars.min}–${INDICATOR_LIMITS.bars.max}` },
      { key: 'factor', label: 'Factor', step: 0.1, hint: '' },
    ],
  },
};

/** One side of a comparison: the plain price/threshold, or an indicator with its parameters. */
@Component({
  selector: 'ta-operand-field',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="operand">
      <mat-form-field class="kind">
        <mat-label>{{ label() }}</mat-label>
        <mat-select
          [ngModel]="value()?.kind ?? ''"
          (ngModelChange)="pick($event)"
          [errorStateMatcher]="matchers['']"
          [attr.data-testid]="testid() + '-kind'"
        >
          <mat-option value="">{{ noneLabel() }}</mat-option>
          @for (k of kinds(); track k) {
            <mat-option [value]="k">{{ kindLabels[k] }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ error('') ?? error('kind') }}</mat-error>
      </mat-form-field>
      @if (fields(); as f) {
        @if (f.choice; as c) {
          <mat-form-field class="param" subscriptSizing="dynamic">
            <mat-label>{{ c.label }}</mat-label>
            <mat-select
              [ngModel]="param(c.key)"
              (ngModelChange)="set(c.key, $event)"
              [errorStateMatcher]="matchers[c.key]"
              [attr.data-testid]="testid() + '-' + c.key"
            >
              @for (o of c.options; track o.value) {
                <mat-option [value]="o.value">{{ o.label }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ error(c.key) }}</mat-error>
          </mat-form-field>
        }
        @for (n of f.numbers; track n.key) {
          <mat-form-field class="param small" subscriptSizing="dynamic">
            <mat-label>{{ n.label }}</mat-label>
            <input
              matInput
              type="number"
              [step]="n.step"
              [ngModel]="param(n.key)"
              (ngModelChange)="set(n.key, $event)"
              [errorStateMatcher]="matchers[n.key]"
              [attr.data-testid]="testid() + '-' + n.key"
            />
            @if (n.hint) {
              <mat-hint>{{ n.hint }}</mat-hint>
            }
            <mat-error>{{ error(n.key) }}</mat-error>
          </mat-form-field>
        }
      }
    </div>
  `,
  styles: `
    .operand {
      display: flex;
      flex-wrap: wrap;
      /* A field without a hint keeps its own height beside one with a hint. */
      align-items: flex-start;
      gap: 4px 12px;
    }
    .kind {
      flex: 1 1 170px;
      min-width: 0;
    }
    .param {
      flex: 0 1 160px;
      min-width: 0;
    }
    .param.small {
      flex-basis: 120px;
    }
  `,
})
export class OperandField {
  readonly value = model<Operand | null>(null);
  readonly label = input.required<string>();
  /** What the comparison uses without an indicator: "the price" or "the threshold". */
  readonly noneLabel = input.required<string>();
  readonly kinds = input.required<readonly IndicatorKind[]>();
  /** The server's messages under this operand's path ('' for the operand itself, 'period', ...). */
  readonly errors = input<FieldErrors>({});
  readonly testid = input.required<string>();

  protected readonly kindLabels = INDICATOR_KIND_LABELS;
  protected readonly matchers = matchersFor<Param>(PARAMS, () => this.errors());
  protected readonly fields = computed(() => {
    const kind = this.value()?.kind;
    return kind ? OPERAND_FIELDS[kind] : null;
  });
  private readonly current = computed(() => (this.value() ?? {}) as Record<string, unknown>);

  protected pick(kind: IndicatorKind | ''): void {
    this.value.set(kind === '' ? null : defaultOperand(kind));
  }

  protected param(key: NumberParam | ChoiceField['key']): unknown {
    return this.current()[key] ?? null;
  }

  protected set(key: NumberParam | ChoiceField['key'], v: unknown): void {
    const current = this.value();
    // The key is one the chosen kind shows a field for, so the operand keeps its shape.
    if (current) this.value.set({ ...current, [key]: v });
  }

  protected error(path: Param): string | null {
    return errorAt(this.errors(), path);
  }
}
