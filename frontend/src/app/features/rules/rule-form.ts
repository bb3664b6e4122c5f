import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDividerModule } from '@angular/material/divider';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  CONDITIONS_BY_RULE_TYPE,
  DEFAULT_RULE_OPTIONS,
  INDICATOR_KINDS,
  RULE_LIMITS,
  RULE_TYPES,
  operandLabel,
  type AlertRule,
  type CreateRuleRequest,
  type Instrument,
  type RuleCondition,
  type RuleOptions,
  type RuleTemplate,
  type RuleTemplateBody,
  type RuleType,
} from '@tradeassist/shared-types';
import type { ApiError } from '../../core/api/api-error';
import { confirmAction } from '../../shared/confirm-dialog';
import { BacktestPanel } from './backtest/backtest-panel';
import { OperandField } from './editor/operand-field';
import { ConditionTreeFields } from './editor/condition-tree-fields';
import { newTree } from './editor/condition-tree';
import { RuleDeliveryFields } from './editor/rule-delivery-fields';
import { RuleTemplatePicker } from './editor/rule-template-picker';
import { RuleTemplatesStore } from './editor/rule-templates.store';
import { RuleTriggerFields } from './editor/rule-trigger-fields';
import { RuleSessionFields } from './editor/session-fields';
import { askTemplateDetails } from './editor/save-template-dialog';
import { errorAt, errorsUnder, matchersFor } from '../../shared/field-errors';
import { RuleVersionsPanel } from './history/rule-versions-panel';
import { RulePreviewPanel } from './preview/rule-preview-panel';
import { CONDITION_LABELS, RULE_TYPE_LABELS } from './rule-labels';

const BASIC_FIELDS = [
  'instrument_id',
  'rule_type',
  'condition',
  'threshold',
  'name',
  'description',
  'cooldown_seconds',
  'active',
  'time_window_seconds',
] as const;
type BasicField = (typeof BASIC_FIELDS)[number];

/** The option fields that always have a place in the form, whatever the rule type. */
const OPTION_FIELDS: readonly string[] = [
  'trigger_mode',
  'bar_interval',
  'price_source',
  'rearm',
  'expires_at',
  'session',
  'priority',
  'channels',
  'sound',
  'message_template',
];

const EDITED_OPTIONS: readonly string[] = ['subject', 'against', 'conditions', ...OPTION_FIELDS];

const PRICE_INDICATORS = INDICATOR_KINDS.filter((k) => k !== 'avg_volume');

/** The rule editor: condition, indicators, firing options and message, with templates and a backtest of the draft. */
@Component({
  selector: 'ta-rule-form',
  imports: [
    FormsModule,
    MatButtonModule,
    MatDividerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    BacktestPanel,
    ConditionTreeFields,
    OperandField,
    RuleDeliveryFields,
    RuleTemplatePicker,
    RuleTriggerFields,
    RuleSessionFields,
    RulePreviewPanel,
    RuleVersionsPanel,
  ],
  providers: [RuleTemplatesStore],
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
    h3 {
      grid-column: 1 / -1;
      margin: 12px 0 4px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-primary);
    }
    .actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
      grid-column: 1 / -1;
    }
    .spacer {
      flex: 1;
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
    .note {
      grid-column: 1 / -1;
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .note.error {
      color: var(--mat-sys-error);
    }
    mat-divider {
      margin: 16px 0;
    }
    .history {
      display: block;
      margin-top: 16px;
    }
  `,
})
export class RuleForm {
  readonly rule = input<AlertRule | null>(null);
  /** A new rule (rule null) starts with every setting of this one, under a name that says it is a copy. */
  readonly copyOf = input<AlertRule | null>(null);
  readonly instruments = input.required<Instrument[]>();
  /** The server's answer to the last save, if it refused it. */
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly save = output<CreateRuleRequest>();
  readonly cancel = output<void>();
  /** The form is for a new rule, whose template list is loaded. */
  private offersTemplates = false;

  protected readonly templates = inject(RuleTemplatesStore);
  private readonly dialog = inject(MatDialog);
  protected readonly ruleTypes = RULE_TYPES.filter((t) => CONDITIONS_BY_RULE_TYPE[t].length > 0);
  protected readonly isTree = computed(() => this.ruleType() === 'multi_condition');
  protected readonly typeLabels = RULE_TYPE_LABELS;
  protected readonly conditionLabels = CONDITION_LABELS;
  protected readonly limits = RULE_LIMITS;
  protected readonly priceIndicators = PRICE_INDICATORS;
  protected readonly volumeIndicators = ['avg_volume'] as const;
  protected readonly instrumentId = signal<number | null>(null);
  protected readonly ruleType = signal<RuleType>('threshold');
  protected readonly condition = signal<RuleCondition>('above');
  protected readonly threshold = signal<number | null>(null);
  protected readonly name = signal('');
  protected readonly description = signal('');
  protected readonly windowSeconds = signal<number | null>(null);
  /** Not edited here (the engine does not read it: see docs/rules.md), only kept as the rule has it. */
  protected readonly maPeriod = signal<number | null>(null);
  protected readonly cooldown = signal<number | null>(RULE_LIMITS.cooldownSeconds.default);
  protected readonly active = signal(true);
  protected readonly options = signal<RuleOptions>({ ...DEFAULT_RULE_OPTIONS });
  protected readonly templateId = signal<string | null>(null);
  protected readonly conditions = computed(() => CONDITIONS_BY_RULE_TYPE[this.ruleType()]);
  protected readonly isRate = computed(() => this.ruleType() === 'rate_of_change');
  /** Indicators compare prices for threshold and crossover rules, and volumes for volume spikes. */
  protected readonly takesSubject = computed(() => this.ruleType() === 'threshold' || this.ruleType() === 'crossover');
  protected readonly takesAgainst = computed(() => this.takesSubject() || this.ruleType() === 'volume_spike');
  /** With an indicator to compare with, or a condition tree, the threshold is not read. */
  protected readonly usesThreshold = computed(() => this.options().against === null && !this.isTree());
  protected readonly barsMatter = computed(() => {
    const o = this.options();
    return o.subject !== null || o.against !== null || o.trigger_mode === 'once_per_bar' || o.trigger_mode === 'once_per_bar_close';
  });
  protected readonly thresholdLabel = computed(() => {
    const subject = this.options().subject;
    if (subject) return `Level of ${operandLabel(subject)}`;
    return this.isRate() ? 'Threshold (%)' : this.ruleType() === 'volume_spike' ? 'Volume' : 'Price level';
  });
  protected readonly instrument = computed(() => this.instruments().find((i) => i.id === this.instrumentId()) ?? null);
  protected readonly instrumentSymbol = computed(() => this.instrument()?.symbol ?? null);

  protected readonly errors = computed(() => this.serverError()?.paths ?? {});
  protected readonly subjectErrors = computed(() => errorsUnder(this.errors(), 'subject'));
  protected readonly againstErrors = computed(() => errorsUnder(this.errors(), 'against'));
  protected readonly sessionErrors = computed(() => errorsUnder(this.errors(), 'session'));
  protected readonly treeErrors = computed(() => errorsUnder(this.errors(), 'conditions'));
  /** Message plus every error the form has no field for, so nothing the server said is lost. */
  protected readonly summary = computed(() => {
    const error = this.serverError();
    if (!error) return null;
    const shown = new Set<string>([...BASIC_FIELDS, ...OPTION_FIELDS]);
    if (!this.isRate()) shown.delete('time_window_seconds');
    if (this.takesSubject()) shown.add('subject');
    if (this.takesAgainst()) shown.add('against');
    if (!this.usesThreshold()) shown.delete('threshold');
    if (this.isTree()) {
      shown.delete('condition');
      shown.add('conditions');
    }
    const others = Object.entries(error.paths)
      .filter(([path]) => !shown.has(path.split('.')[0] ?? path))
      .map(([path, messages]) => `${path}: ${messages.join('; ')}`);
    return { message: error.message, others };
  });
  protected readonly matchers = matchersFor<BasicField>(BASIC_FIELDS, () => this.errors());

  /** The rule as the form stands, or null while it cannot be sent (no instrument, nothing to compare with). */
  readonly draft = computed<CreateRuleRequest | null>(() => {
    const instrumentId = this.instrumentId();
    const threshold = this.threshold();
    if (instrumentId === null || (threshold === null && this.usesThreshold())) return null;
    return { instrument_id: instrumentId, ...this.body(threshold ?? 0) };
  });

  constructor() {
    effect(() => {
      const r = this.rule();
      // Editing starts from the rule itself; templates are for new ones, loaded each time the form turns into one.
      if (!r && !this.offersTemplates) void this.templates.load();
      this.offersTemplates = !r;
      const copy = r ? null : this.copyOf();
      this.fill(r ?? (copy ? { ...copy, name: copy.name && `${copy.name} (copy)` } : {}));
      this.instrumentId.set((r ?? copy)?.instrument_id ?? null);
      this.templateId.set(null);
    });
  }

  protected changeType(type: RuleType): void {
    this.ruleType.set(type);
    const allowed = CONDITIONS_BY_RULE_TYPE[type];
    if (!allowed.includes(this.condition())) this.condition.set(allowed[0] ?? 'above');
    // Operands only some types read would be refused, so they go with the type change.
    this.options.update((o) => ({
      ...o,
      subject: this.takesSubject() ? o.subject : null,
      against: !this.takesAgainst() ? null : (type === 'volume_spike') === (o.against?.kind === 'avg_volume') ? o.against : null,
      conditions: type === 'multi_condition' ? (o.conditions ?? newTree()) : null,
    }));
  }

  protected applyTemplate(template: RuleTemplate): void {
    this.templateId.set(template.id);
    this.fill(template.body);
    const suggested = template.symbol && this.instruments().find((i) => i.symbol === template.symbol);
    if (suggested) this.instrumentId.set(suggested.id);
  }

  protected async saveAsTemplate(): Promise<void> {
    const threshold = this.threshold();
    const details = await askTemplateDetails(this.dialog, { name: this.name().trim(), symbol: this.instrumentSymbol() });
    if (!details) return;
    await this.templates.save({
      name: details.name,
      ...(details.description && { description: details.description }),
      symbol: details.symbol,
      body: this.body(threshold ?? 0),
    });
  }

  protected async deleteTemplate(template: RuleTemplate): Promise<void> {
    const ok = await confirmAction(this.dialog, {
      title: `Delete template ${template.name}?`,
      message: 'Rules made from it stay as they are.',
      confirm: 'Delete template',
    });
    if (ok && (await this.templates.remove(template))) this.templateId.set(null);
  }

  protected setOperand(side: 'subject' | 'against', value: RuleOptions['subject']): void {
    this.options.update((o) => ({ ...o, [side]: value }));
  }

  protected setTree(conditions: RuleOptions['conditions']): void {
    this.options.update((o) => ({ ...o, conditions }));
  }

  protected setSession(session: RuleOptions['session']): void {
    this.options.update((o) => ({ ...o, session }));
  }

  protected fieldError(field: BasicField): string | null {
    return errorAt(this.errors(), field);
  }

  protected submit(): void {
    const draft = this.draft();
    if (draft) this.save.emit(draft);
  }

  /** Everything but the instrument, as POST /api/rules and templates take it. */
  private body(threshold: number): RuleTemplateBody {
    const cooldown = this.cooldown();
    return {
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
      ...this.sentOptions(),
    };
  }

  /** The options this form edits always (null clears them); others, such as a condition tree, only when the rule has them. */
  private sentOptions(): Partial<RuleOptions> {
    const sent: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this.options())) {
      if (EDITED_OPTIONS.includes(key) || value !== null) sent[key] = value;
    }
    return sent;
  }

  private fill(body: Partial<RuleTemplateBody>): void {
    this.ruleType.set(body.rule_type ?? 'threshold');
    this.condition.set(body.condition ?? 'above');
    this.threshold.set(body.threshold ?? null);
    this.name.set(body.name ?? '');
    this.description.set(body.description ?? '');
    this.windowSeconds.set(body.time_window_seconds ?? null);
    this.maPeriod.set(body.moving_average_period ?? null);
    this.cooldown.set(body.cooldown_seconds ?? RULE_LIMITS.cooldownSeconds.default);
    this.active.set(body.active ?? true);
    // Every option the shared type knows, so options added later (and not edited here) are kept as they come.
    const options = { ...DEFAULT_RULE_OPTIONS } as Record<string, unknown>;
    for (const key of Object.keys(DEFAULT_RULE_OPTIONS)) {
      const value = (body as Record<string, unknown>)[key];
      if (value !== undefined && value !== null) options[key] = value;
    }
    this.options.set(options as unknown as RuleOptions);
  }
}
