import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  CONDITIONS_BY_RULE_TYPE,
  RULE_LIMITS,
  RULE_TYPES,
  type AlertRule,
  type CreateRuleRequest,
  type Instrument,
  type RuleCondition,
  type RuleType,
} from '@tradeassist/shared-types';
import type { ApiError } from '../../core/api/api-error';

const FORM_FIELDS = [
  'instrument_id',
  'rule_type',
  'condition',
  'threshold',
  'name',
  'description',
  'time_window_seconds',
  'moving_average_period',
  'cooldown_seconds',
  'active',
];
const LABELS: Record<RuleCondition, string> = {
  above: 'above',
  below: 'below',
  equals: 'equals (±0.01)',
  crosses_above: 'crosses above',
  crosses_below: 'crosses below',
  percent_change_up: 'up by % in window',
  percent_change_down: 'down by % in window',
  volume_above: 'tick volume above',
};

/** The floor fields of a rule; server-side errors land on the field they name. */
@Component({
  selector: 'ta-rule-form',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rule-form.html',
  styles: `
    .form {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 4px 12px;
    }
    .full {
      grid-column: 1 / -1;
    }
    .actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
      grid-column: 1 / -1;
    }
    .summary {
      color: var(--ta-down);
      grid-column: 1 / -1;
      margin: 0 0 8px;
    }
  `,
})
export class RuleForm {
  readonly rule = input<AlertRule | null>(null);
  readonly instruments = input.required<Instrument[]>();
  readonly save = output<{ body: CreateRuleRequest; done: (error: ApiError | null) => void }>();
  readonly cancel = output<void>();

  protected readonly ruleTypes = RULE_TYPES.filter((t) => CONDITIONS_BY_RULE_TYPE[t].length > 0);
  protected readonly labels = LABELS;
  protected readonly instrumentId = signal<number | null>(null);
  protected readonly ruleType = signal<RuleType>('threshold');
  protected readonly condition = signal<RuleCondition>('above');
  protected readonly threshold = signal<number | null>(null);
  protected readonly name = signal('');
  protected readonly description = signal('');
  protected readonly windowSeconds = signal<number | null>(null);
  protected readonly maPeriod = signal<number | null>(null);
  protected readonly cooldown = signal<number>(RULE_LIMITS.cooldownSeconds.default);
  protected readonly active = signal(true);
  protected readonly errors = signal<Record<string, string[]>>({});
  protected readonly summary = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly conditions = computed(() => CONDITIONS_BY_RULE_TYPE[this.ruleType()]);
  protected readonly isRate = computed(() => this.ruleType() === 'rate_of_change');

  constructor() {
    effect(() => {
      const r = this.rule();
      this.instrumentId.set(r?.instrument_id ?? null);
      this.ruleType.set(r?.rule_type ?? 'threshold');
      this.condition.set(r?.condition ?? 'above');
      this.threshold.set(r?.threshold ?? null);
      this.name.set(r?.name ?? '');
      this.description.set(r?.description ?? '');
      this.windowSeconds.set(r?.time_window_seconds ?? null);
      this.maPeriod.set(r?.moving_average_period ?? null);
      this.cooldown.set(r?.cooldown_seconds ?? RULE_LIMITS.cooldownSeconds.default);
      this.active.set(r?.active ?? true);
      this.errors.set({});
      this.summary.set(null);
    });
  }

  protected changeType(type: RuleType): void {
    this.ruleType.set(type);
    const allowed = CONDITIONS_BY_RULE_TYPE[type];
    if (!allowed.includes(this.condition())) this.condition.set(allowed[0] ?? 'above');
  }

  protected fieldError(field: string): string | null {
    return this.errors()[field]?.join('; ') ?? null;
  }

  protected submit(): void {
    this.saving.set(true);
    const body = {
      instrument_id: this.instrumentId() as number,
      rule_type: this.ruleType(),
      condition: this.condition(),
      threshold: this.threshold() as number,
      name: this.name().trim() || null,
      description: this.description().trim() || null,
      time_window_seconds: this.isRate() ? this.windowSeconds() : null,
      moving_average_period: this.maPeriod(),
      cooldown_seconds: this.cooldown(),
      active: this.active(),
    };
    this.save.emit({
      body,
      done: (error) => {
        this.saving.set(false);
        this.errors.set(error?.fields ?? {});
        const unplaced = Object.entries(error?.fields ?? {}).filter(([f]) => !FORM_FIELDS.includes(f));
        this.summary.set(error ? [error.message, ...unplaced.map(([f, m]) => `${f}: ${m.join('; ')}`)].join(' — ') : null);
      },
    });
  }
}
