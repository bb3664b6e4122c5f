import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import { FormsModule, type AbstractControl, type FormGroupDirective, type NgForm } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import type { ErrorStateMatcher } from '@angular/material/core';
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
import { CONDITION_LABELS, RULE_TYPE_LABELS } from './rule-labels';

/** The body properties this form has a field for (time_window_seconds only while it is shown). */
type RuleField = keyof CreateRuleRequest;
const ALWAYS_SHOWN: readonly RuleField[] = [
  'instrument_id',
  'rule_type',
  'condition',
  'threshold',
  'name',
  'description',
  'moving_average_period',
  'cooldown_seconds',
  'active',
];

const EVERY_FIELD: readonly RuleField[] = [...ALWAYS_SHOWN, 'time_window_seconds'];

/** A field is in error while the server's last answer named it, or when it is invalid and touched. */
class ServerErrorMatcher implements ErrorStateMatcher {
  constructor(private readonly named: () => boolean) {}

  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    return this.named() || !!(control?.invalid && (control.touched || form?.submitted));
  }
}

/** The floor fields of a rule; the server's validation messages land on the field they name. */
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
      grid-column: 1 / -1;
      margin: 0 0 8px;
      padding: 8px 12px;
      border-radius: 8px;
      border-left: 4px solid var(--ta-down);
      background: color-mix(in srgb, var(--ta-down) 12%, transparent);
      color: var(--mat-sys-on-surface);
    }
    .summary ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .toggle-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      grid-column: 1 / -1;
      margin: 0;
    }
  `,
})
export class RuleForm {
  readonly rule = input<AlertRule | null>(null);
  readonly instruments = input.required<Instrument[]>();
  /** The server's answer to the last save, if it refused it. */
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly save = output<CreateRuleRequest>();
  readonly cancel = output<void>();

  protected readonly ruleTypes = RULE_TYPES.filter((t) => CONDITIONS_BY_RULE_TYPE[t].length > 0);
  protected readonly typeLabels = RULE_TYPE_LABELS;
  protected readonly conditionLabels = CONDITION_LABELS;
  protected readonly limits = RULE_LIMITS;
  protected readonly instrumentId = signal<number | null>(null);
  protected readonly ruleType = signal<RuleType>('threshold');
  protected readonly condition = signal<RuleCondition>('above');
  protected readonly threshold = signal<number | null>(null);
  protected readonly name = signal('');
  protected readonly description = signal('');
  protected readonly windowSeconds = signal<number | null>(null);
  protected readonly maPeriod = signal<number | null>(null);
  protected readonly cooldown = signal<number | null>(RULE_LIMITS.cooldownSeconds.default);
  protected readonly active = signal(true);
  protected readonly conditions = computed(() => CONDITIONS_BY_RULE_TYPE[this.ruleType()]);
  protected readonly isRate = computed(() => this.ruleType() === 'rate_of_change');
  protected readonly thresholdLabel = computed(() =>
    this.isRate() ? 'Threshold (%)' : this.ruleType() === 'volume_spike' ? 'Volume' : 'Price level',
  );

  private readonly fieldErrors = computed(() => this.serverError()?.fields ?? {});
  /** Message plus every error the form has no field for, so nothing the server said is lost. */
  protected readonly summary = computed(() => {
    const error = this.serverError();
    if (!error) return null;
    const shown: readonly string[] = this.isRate() ? EVERY_FIELD : ALWAYS_SHOWN;
    const others = Object.entries(error.fields)
      .filter(([field]) => !shown.includes(field))
      .map(([field, messages]) => `${field}: ${messages.join('; ')}`);
    return { message: error.message, others };
  });
  protected readonly matchers = EVERY_FIELD.reduce(
    (all, field) => ({ ...all, [field]: new ServerErrorMatcher(() => field in this.fieldErrors()) }),
    {} as Record<RuleField, ErrorStateMatcher>,
  );

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
    });
  }

  protected changeType(type: RuleType): void {
    this.ruleType.set(type);
    const allowed = CONDITIONS_BY_RULE_TYPE[type];
    if (!allowed.includes(this.condition())) this.condition.set(allowed[0] ?? 'above');
  }

  protected fieldError(field: RuleField): string | null {
    return this.fieldErrors()[field]?.join('; ') ?? null;
  }

  protected submit(): void {
    const instrumentId = this.instrumentId();
    const threshold = this.threshold();
    if (instrumentId === null || threshold === null) return;
    const cooldown = this.cooldown();
    this.save.emit({
      instrument_id: instrumentId,
      rule_type: this.ruleType(),
      condition: this.condition(),
      threshold,
      name: this.name().trim() || null,
      description: this.description().trim() || null,
      time_window_seconds: this.isRate() ? this.windowSeconds() : null,
      moving_average_period: this.maPeriod(),
      // Blank means the server's default, not zero.
      ...(cooldown !== null && { cooldown_seconds: cooldown }),
      active: this.active(),
    });
  }
}
