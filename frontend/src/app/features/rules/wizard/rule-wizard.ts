import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatStepperModule } from '@angular/material/stepper';
import {
  operandLabel,
  type CreateRuleRequest,
  type Instrument,
  type RuleTemplate,
  type RuleTemplateBody,
  type RuleType,
} from '@tradeassist/shared-types';
import type { ApiError } from '../../../core/api/api-error';
import { ProblemBox } from '../../../shared/problem-box';
import { BacktestPanel } from '../backtest/backtest-panel';
import { OPERAND_FIELDS } from '../editor/operand-field';
import { RuleTemplatesStore } from '../editor/rule-templates.store';
import { RulePreviewPanel } from '../preview/rule-preview-panel';

type Side = 'subject' | 'against';

/** What a rule type's threshold is, when it is compared with the price, the change or the volume. */
const THRESHOLD_LABELS: Readonly<Record<RuleType, string>> = {
  threshold: 'Level',
  crossover: 'Level',
  rate_of_change: 'Change (%)',
  volume_spike: 'Volume above',
  multi_condition: 'Level',
};

/** One number the second step asks for. */
interface Param {
  id: string;
  label: string;
  value: number | null;
  set(value: number | null): void;
}

/**
 * A rule in four steps for those who would rather not face the whole form: pick a template, say
 * where and at what levels, check it on the stored history (preview and backtest), name and save
 * it. The rule saved is the template's body with those changes; the full form edits the rest.
 */
@Component({
  selector: 'ta-rule-wizard',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    MatStepperModule,
    BacktestPanel,
    ProblemBox,
    RulePreviewPanel,
  ],
  providers: [RuleTemplatesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-stepper linear orientation="vertical" #stepper>
      <mat-step label="What to watch" [completed]="template() !== null">
        @if (templates.message(); as m) {
          <p class="note" [class.error]="m.error">{{ m.text }}</p>
        }
        <mat-radio-group class="templates" [ngModel]="template()?.id" (ngModelChange)="choose($event)" aria-label="Template">
          @for (t of templates.templates(); track t.id) {
            <mat-radio-button [value]="t.id" [attr.data-testid]="'wizard-template-' + t.id">
              <span class="name">{{ t.name }}</span>
              <span class="note">{{ t.description }}</span>
            </mat-radio-button>
          }
        </mat-radio-group>
        <div class="actions">
          <button mat-button (click)="cancel.emit()" data-testid="wizard-cancel">Cancel</button>
          <button mat-flat-button matStepperNext [disabled]="template() === null" data-testid="wizard-next-1">Next</button>
        </div>
      </mat-step>

      <mat-step label="Where and at what levels" [completed]="draft() !== null">
        <div class="fields">
          <mat-form-field>
            <mat-label>Instrument</mat-label>
            <mat-select [ngModel]="instrumentId()" (ngModelChange)="instrumentId.set($event)" data-testid="wizard-instrument">
              @for (i of activeInstruments(); track i.id) {
                <mat-option [value]="i.id">{{ i.symbol }} · {{ i.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @for (p of params(); track p.id) {
            <mat-form-field>
              <mat-label>{{ p.label }}</mat-label>
              <input
                matInput
                type="number"
                [ngModel]="p.value"
                (ngModelChange)="p.set($event === '' || $event === null ? null : +$event)"
                [attr.data-testid]="'wizard-' + p.id"
              />
            </mat-form-field>
          }
        </div>
        <div class="actions">
          <button mat-button matStepperPrevious>Back</button>
          <button mat-flat-button matStepperNext [disabled]="draft() === null" data-testid="wizard-next-2">Next</button>
        </div>
      </mat-step>

      <mat-step label="Check it on the stored history">
        @if (stepper.selectedIndex === 2) {
          <ta-rule-preview-panel [rule]="draft()" [symbol]="symbol()" />
          <ta-backtest-panel [rule]="draft()" />
        }
        <div class="actions">
          <button mat-button matStepperPrevious>Back</button>
          <button mat-flat-button matStepperNext data-testid="wizard-next-3">Next</button>
        </div>
      </mat-step>

      <mat-step label="Name and save">
        <mat-form-field class="wide">
          <mat-label>Name</mat-label>
          <input matInput [ngModel]="name()" (ngModelChange)="name.set($event)" data-testid="wizard-name" />
        </mat-form-field>
        @if (serverError(); as e) {
          <ta-problem-box class="problem" [message]="e.message" [lines]="problems()" data-testid="wizard-error" />
        }
        <div class="actions">
          <button mat-button matStepperPrevious>Back</button>
          <button mat-flat-button [disabled]="draft() === null || saving()" (click)="submit()" data-testid="wizard-save">
            Create rule
          </button>
        </div>
      </mat-step>
    </mat-stepper>
  `,
  styles: `
    .templates {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .name {
      display: block;
      font: var(--mat-sys-body-large);
    }
    .note {
      display: block;
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .note.error {
      color: var(--ta-down);
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      padding-top: 8px;
    }
    .wide {
      width: min(480px, 100%);
      padding-top: 8px;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
    .problem {
      margin-bottom: 8px;
    }
  `,
})
export class RuleWizard implements OnInit {
  readonly instruments = input.required<readonly Instrument[]>();
  /** The server's answer to the last save (shown on the last step). */
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly save = output<CreateRuleRequest>();
  readonly cancel = output<void>();

  protected readonly templates = inject(RuleTemplatesStore);
  protected readonly template = signal<RuleTemplate | null>(null);
  /** The template's body as the steps have changed it. */
  private readonly body = signal<RuleTemplateBody | null>(null);
  protected readonly instrumentId = signal<number | null>(null);
  protected readonly name = signal('');

  protected readonly activeInstruments = computed(() => this.instruments().filter((i) => i.status === 'active'));
  protected readonly symbol = computed(() => this.instruments().find((i) => i.id === this.instrumentId())?.symbol ?? null);

  /** The numbers the template lets a trader tune: its level (unless it compares with an indicator or is a tree), its window, its indicators' parameters. */
  protected readonly params = computed((): Param[] => {
    const b = this.body();
    if (!b) return [];
    const params: Param[] = [];
    if (!b.against && !b.conditions) {
      params.push({
        id: 'threshold',
        label: b.subject ? `Level of ${operandLabel(b.subject)}` : THRESHOLD_LABELS[b.rule_type],
        value: b.threshold ?? null,
        set: (v) => this.patch({ threshold: v ?? undefined }),
      });
    }
    if (b.rule_type === 'rate_of_change') {
      params.push({
        id: 'window',
        label: 'Within (seconds)',
        value: b.time_window_seconds ?? null,
        set: (v) => this.patch({ time_window_seconds: v }),
      });
    }
    for (const side of ['subject', 'against'] as const) {
      const o = b[side];
      if (!o) continue;
      for (const { key, label } of OPERAND_FIELDS[o.kind].numbers) {
        params.push({
          id: `${side}-${key}`,
          label: `${operandLabel(o)}: ${label}`,
          value: (o as unknown as Record<string, number>)[key] ?? null,
          set: (v) => this.setOperand(side, key, v),
        });
      }
    }
    return params;
  });

  /** The rule as the steps stand; null until it has an instrument and every number asked for. */
  protected readonly draft = computed((): CreateRuleRequest | null => {
    const b = this.body();
    const instrumentId = this.instrumentId();
    if (!b || instrumentId === null || this.params().some((p) => p.value === null || !Number.isFinite(p.value))) return null;
    return { ...b, instrument_id: instrumentId, name: this.name().trim() || b.name || null };
  });

  protected readonly problems = computed(() =>
    Object.entries(this.serverError()?.paths ?? {}).map(([path, messages]) => `${path}: ${messages.join('; ')}`),
  );

  ngOnInit(): void {
    void this.templates.load();
  }

  protected choose(id: string): void {
    const t = this.templates.templates().find((x) => x.id === id) ?? null;
    this.template.set(t);
    // Changes are made by copy (patch, setOperand): the template itself is never written.
    this.body.set(t ? { ...t.body } : null);
    this.name.set(t?.body.name ?? t?.name ?? '');
    // A template about one instrument (TICK, VIX) suggests it; otherwise the choice made stays.
    const suggested = t?.symbol ? this.activeInstruments().find((i) => i.symbol === t.symbol) : undefined;
    if (suggested) this.instrumentId.set(suggested.id);
  }

  protected submit(): void {
    const d = this.draft();
    if (d) this.save.emit(d);
  }

  private patch(change: Partial<RuleTemplateBody>): void {
    this.body.update((b) => (b ? { ...b, ...change } : b));
  }

  private setOperand(side: Side, key: string, value: number | null): void {
    this.body.update((b) => {
      const o = b?.[side];
      return b && o ? { ...b, [side]: { ...o, [key]: value } } : b;
    });
  }
}
