import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { BACKTEST_LIMITS, type CreateRuleRequest } from '@tradeassist/shared-types';
import { ProblemBox } from '../../../shared/problem-box';
import { errorAt, matchersFor } from '../../../shared/field-errors';
import { isoToUtcInput, utcInputToIso } from '../editor/utc-input';
import { BacktestChart } from './backtest-chart';
import { BacktestFirings } from './backtest-firings';
import { BacktestRunner } from './backtest-runner';

const DAY_MS = 86_400_000;

/** Runs the rule being edited (saved or not) over stored ticks, and shows when it would have fired. */
@Component({
  selector: 'ta-backtest-panel',
  imports: [
    FormsModule,
    DecimalPipe,
    PercentPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    BacktestChart,
    BacktestFirings,
    ProblemBox,
  ],
  providers: [BacktestRunner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="backtest" aria-label="Backtest">
      <h3>Backtest</h3>
      <p class="dim">Runs this rule, as the form stands, over the ticks stored for its instrument. Nothing is saved.</p>
      <div class="range">
        <mat-form-field>
          <mat-label>From (UTC)</mat-label>
          <input matInput type="datetime-local" [(ngModel)]="from" [errorStateMatcher]="matchers.from" data-testid="backtest-from" />
          <mat-error>{{ error('from') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>To (UTC)</mat-label>
          <input matInput type="datetime-local" [(ngModel)]="to" [errorStateMatcher]="matchers.to" data-testid="backtest-to" />
          <mat-hint>Up to {{ maxDays }} days</mat-hint>
          <mat-error>{{ error('to') }}</mat-error>
        </mat-form-field>
        @if (runner.running()) {
          <button mat-stroked-button type="button" (click)="runner.cancel()" data-testid="backtest-cancel">
            <mat-icon>stop</mat-icon>Cancel
          </button>
        } @else {
          <button mat-flat-button type="button" [disabled]="!canRun()" (click)="run()" data-testid="backtest-run">
            <mat-icon>play_arrow</mat-icon>Run backtest
          </button>
        }
      </div>
      @if (!rule()) {
        <p class="dim">Choose an instrument and a threshold (or an indicator to compare with) to run it.</p>
      }
      @if (runner.error(); as e) {
        <ta-problem-box [message]="e.message" [lines]="otherErrors()" data-testid="backtest-error" />
      }
      @if (runner.job(); as job) {
        @if (job.status === 'running') {
          <div class="progress">
            <mat-progress-bar mode="determinate" [value]="job.progress * 100" data-testid="backtest-progress" />
            <span class="dim">{{ job.progress | percent }} · {{ job.ticks_done | number }} of {{ job.ticks_total | number }} ticks</span>
          </div>
        }
        @if (job.status === 'failed') {
          <ta-problem-box [message]="'The backtest failed: ' + (job.error ?? 'no reason given')" />
        }
        @if (job.status === 'running' ? null : job.result; as result) {
          <div class="summary">
            <div class="total">
              <span class="big" data-testid="backtest-total">{{ result.total_firings | number }}</span>
              <span class="dim">firing{{ result.total_firings === 1 ? '' : 's' }} over {{ job.ticks_done | number }} ticks</span>
            </div>
            @if (job.status === 'cancelled') {
              <span class="note">Cancelled: what was found until then</span>
            }
            @if (result.truncated) {
              <span class="note">The chart shows the first {{ result.firings.length | number }} firings</span>
            }
          </div>
          @if (result.price_path.length > 0) {
            <div class="result">
              <ta-backtest-chart class="chart" [result]="result" />
              @if (result.firings.length > 0) {
                <table class="per-day" aria-label="Firings per day" data-testid="backtest-per-day">
                  <thead>
                    <tr>
                      <th>Day (UTC)</th>
                      <th class="num">Firings</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (d of perDay(); track d.day) {
                      <tr>
                        <td>{{ d.day }}</td>
                        <td class="num">{{ d.count | number }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              }
            </div>
          }
          @if (result.firings.length > 0) {
            <ta-backtest-firings [firings]="result.firings" [truncated]="result.truncated" />
          } @else {
            <p class="dim">It would not have fired in this range.</p>
          }
        }
      }
    </section>
  `,
  styles: `
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .backtest {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .range {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: baseline;
    }
    .dim {
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    .progress {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .summary {
      display: flex;
      align-items: baseline;
      gap: 16px;
      flex-wrap: wrap;
    }
    .total {
      display: flex;
      align-items: baseline;
      gap: 8px;
    }
    .big {
      font: var(--mat-sys-headline-medium);
    }
    .note {
      color: var(--ta-warn);
    }
    .result {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 200px;
      gap: 16px;
      align-items: start;
    }
    .per-day {
      border-collapse: collapse;
      width: 100%;
    }
    .per-day th,
    .per-day td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
    }
    .per-day .num {
      text-align: right;
    }
  `,
})
export class BacktestPanel {
  /** The rule as the form stands; null while it is incomplete. */
  readonly rule = input.required<CreateRuleRequest | null>();
  protected readonly runner = inject(BacktestRunner);
  protected readonly maxDays = BACKTEST_LIMITS.maxDays;
  protected readonly from = signal(isoToUtcInput(new Date(Date.now() - 7 * DAY_MS).toISOString()));
  // A minute ahead, so ticks of the current minute are in range.
  protected readonly to = signal(isoToUtcInput(new Date(Date.now() + 60_000).toISOString()));
  protected readonly canRun = computed(
    () => this.rule() !== null && utcInputToIso(this.from()) !== null && utcInputToIso(this.to()) !== null,
  );
  private readonly errorPaths = computed(() => this.runner.error()?.paths ?? {});
  protected readonly matchers = matchersFor(['from', 'to'] as const, () => this.errorPaths());
  /** Everything but the range fields: mostly the rule's own fields, as 'rule.threshold'. */
  protected readonly otherErrors = computed(() =>
    Object.entries(this.errorPaths())
      .filter(([path]) => path !== 'from' && path !== 'to')
      .map(([path, messages]) => `${path.replace(/^rule\./, '')}: ${messages.join('; ')}`),
  );
  protected readonly perDay = computed(() =>
    Object.entries(this.runner.job()?.result?.per_day ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, count]) => ({ day, count })),
  );

  protected run(): void {
    const rule = this.rule();
    const from = utcInputToIso(this.from());
    const to = utcInputToIso(this.to());
    if (rule && from && to) void this.runner.start(rule, from, to);
  }

  protected error(path: 'from' | 'to'): string | null {
    return errorAt(this.errorPaths(), path);
  }
}
