import { DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import type { BacktestJob, CreateRuleRequest } from '@tradeassist/shared-types';
import { ApiError } from '../../../core/api/api-error';
import { BacktestApi } from '../../../core/api/rules-api';

/** How long to wait between progress polls; tests make it 0. */
export const BACKTEST_POLL_MS = new InjectionToken<number>('BACKTEST_POLL_MS', { factory: () => 500 });

/** One backtest at a time for the open editor: start, poll until it ends, cancel. */
@Injectable()
export class BacktestRunner {
  private readonly api = inject(BacktestApi);
  private readonly pollMs = inject(BACKTEST_POLL_MS);
  private readonly jobSignal = signal<BacktestJob | null>(null);
  private readonly errorSignal = signal<ApiError | null>(null);
  private readonly startingSignal = signal(false);
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped on every start and cancel so a poll answer from an older job is dropped. */
  private generation = 0;
  readonly job = this.jobSignal.asReadonly();
  readonly error = this.errorSignal.asReadonly();
  readonly running = computed(() => this.startingSignal() || this.jobSignal()?.status === 'running');

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopPolling());
  }

  async start(rule: CreateRuleRequest, from: string, to: string): Promise<void> {
    this.stopPolling();
    const generation = ++this.generation;
    this.startingSignal.set(true);
    this.errorSignal.set(null);
    this.jobSignal.set(null);
    try {
      const job = await this.api.start({ rule, from, to });
      if (generation !== this.generation) return;
      this.follow(job, generation);
    } catch (e) {
      if (generation === this.generation) this.errorSignal.set(ApiError.from(e));
    } finally {
      if (generation === this.generation) this.startingSignal.set(false);
    }
  }

  /** Stops the job; the server keeps what it found so far, and that is what is shown. */
  async cancel(): Promise<void> {
    const job = this.jobSignal();
    if (!job || job.status !== 'running') return;
    this.stopPolling();
    const generation = ++this.generation;
    try {
      const cancelled = await this.api.cancel(job.id);
      if (generation !== this.generation) return;
      this.jobSignal.set(cancelled.status ? cancelled : await this.api.get(job.id));
    } catch (e) {
      if (generation === this.generation) this.errorSignal.set(ApiError.from(e));
    }
  }

  private follow(job: BacktestJob, generation: number): void {
    this.jobSignal.set(job);
    if (job.status !== 'running') return;
    this.timer = setTimeout(() => void this.poll(job.id, generation), this.pollMs);
  }

  private async poll(id: string, generation: number): Promise<void> {
    this.timer = null;
    try {
      const job = await this.api.get(id);
      if (generation === this.generation) this.follow(job, generation);
    } catch (e) {
      if (generation === this.generation) this.errorSignal.set(ApiError.from(e));
    }
  }

  private stopPolling(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
