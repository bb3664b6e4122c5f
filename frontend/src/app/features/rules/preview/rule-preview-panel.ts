import { ChangeDetectionStrategy, Component, DestroyRef, InjectionToken, computed, effect, inject, input, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CreateRuleRequest, RulePreview } from '@tradeassist/shared-types';
import { BaseChartDirective } from 'ng2-charts';
import { ApiError } from '../../../core/api/api-error';
import { RulesApi } from '../../../core/api/rules-api';
import { linesWithoutValues, previewChartData, previewChartOptions } from './preview-chart-data';

/** How long the form must stay still before it is previewed, so typing a threshold sends one request, not five. */
export const PREVIEW_DEBOUNCE_MS = new InjectionToken<number>('PREVIEW_DEBOUNCE_MS', { factory: () => 400 });

type PreviewState =
  | { kind: 'incomplete' }
  | { kind: 'loading' }
  | { kind: 'shown'; preview: RulePreview }
  /** The server refused the draft (422): the form's own checks and the save will say why. */
  | { kind: 'refused' }
  | { kind: 'failed'; message: string };

/** The rule being edited, drawn over its instrument's latest bars, refreshed as the form changes. */
@Component({
  selector: 'ta-rule-preview-panel',
  imports: [BaseChartDirective, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state().kind !== 'refused') {
      <h3>Preview</h3>
    }
    @switch (state().kind) {
      @case ('incomplete') {
        <p class="note" data-testid="rule-preview-hint">Choose an instrument and a level to see the rule over its latest bars.</p>
      }
      @case ('loading') {
        <mat-progress-bar mode="indeterminate" />
      }
      @case ('failed') {
        <p class="note error" role="alert" data-testid="rule-preview-error">Preview unavailable: {{ failure() }}</p>
      }
    }
    @if (preview(); as p) {
      @if (p.bars.length === 0) {
        <p class="note" data-testid="rule-preview-empty">
          No stored bars for {{ symbol() ?? 'this instrument' }} yet: start the simulated feed or push ticks.
        </p>
      } @else {
        <div class="chart" data-testid="rule-preview">
          <canvas baseChart type="line" [data]="data()" [options]="options()"></canvas>
        </div>
        <p class="note">Last {{ p.bars.length }} {{ p.bars.length === 1 ? 'bar' : 'bars' }} of {{ p.interval }}, times in UTC.</p>
        @if (unvalued().length > 0) {
          <p class="note" data-testid="rule-preview-warming">
            {{ unvalued().join(', ') }} {{ unvalued().length === 1 ? 'has' : 'have' }} no value over these bars yet: more closed
            {{ p.interval }} bars are needed than are stored. The rule fires once there are enough.
          </p>
        }
      }
    }
  `,
  styles: `
    h3 {
      margin: 12px 0 4px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-primary);
    }
    .chart {
      position: relative;
      height: 240px;
    }
    .note {
      margin: 4px 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .note.error {
      color: var(--mat-sys-error);
    }
  `,
})
export class RulePreviewPanel {
  /** The draft as the form stands; null while it cannot be sent. */
  readonly rule = input<CreateRuleRequest | null>(null);
  readonly symbol = input<string | null>(null);

  private readonly api = inject(RulesApi);
  private readonly debounceMs = inject(PREVIEW_DEBOUNCE_MS);
  protected readonly state = signal<PreviewState>({ kind: 'incomplete' });
  protected readonly preview = computed(() => {
    const s = this.state();
    return s.kind === 'shown' ? s.preview : null;
  });
  protected readonly failure = computed(() => {
    const s = this.state();
    return s.kind === 'failed' ? s.message : '';
  });
  protected readonly data = computed(() => {
    const p = this.preview();
    return p ? previewChartData(p) : { datasets: [] };
  });
  protected readonly unvalued = computed(() => {
    const p = this.preview();
    return p ? linesWithoutValues(p) : [];
  });
  protected readonly options = computed(() => {
    const p = this.preview();
    return p ? previewChartOptions(p) : {};
  });

  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSent: string | null = null;
  /** Answers to earlier drafts that arrive late are dropped. */
  private sequence = 0;

  constructor() {
    effect(() => this.schedule(this.rule()));
    inject(DestroyRef).onDestroy(() => this.clearTimer());
  }

  private schedule(rule: CreateRuleRequest | null): void {
    this.clearTimer();
    if (!rule) {
      this.sequence++;
      this.lastSent = null;
      this.state.set({ kind: 'incomplete' });
      return;
    }
    // The form recomputes its draft on every change; the same draft is not asked for twice.
    const key = JSON.stringify(rule);
    if (key === this.lastSent) return;
    this.timer = setTimeout(() => void this.load(rule, key), this.debounceMs);
  }

  private async load(rule: CreateRuleRequest, key: string): Promise<void> {
    this.timer = null;
    this.lastSent = key;
    const sequence = ++this.sequence;
    if (this.state().kind !== 'shown') this.state.set({ kind: 'loading' });
    try {
      const preview = await this.api.preview({ rule });
      if (sequence === this.sequence) this.state.set({ kind: 'shown', preview });
    } catch (error) {
      if (sequence !== this.sequence) return;
      const e = ApiError.from(error);
      this.state.set(e.status === 422 ? { kind: 'refused' } : { kind: 'failed', message: e.message });
      // The same draft may be sent again once the server is back.
      this.lastSent = null;
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
