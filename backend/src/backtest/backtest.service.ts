import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { BACKTEST_LIMITS, DEFAULT_INSTRUMENT_TIMEZONE, type BacktestJob, type RuleFields } from '@tradeassist/shared-types';
import { roleAtLeast, type Principal } from '../access';
import { AppException, NotFoundError, ValidationFailedError, toIso } from '../common';
import { LATE, primingBars, RuleEngine, type Firing } from '../engine';
import { InstrumentsService, TickHistory, type TickCursor } from '../market';
import { buildAlert } from '../pipeline/alert-builder';
import { engineRuleOf, RulesService, snapshotOf } from '../rules';
import { BacktestTally } from './backtest-tally';
import type { BacktestRequestDto } from './dto/backtest.dto';

const DAY_MS = 86_400_000;
/** Ticks read and evaluated between two yields to the event loop: live ticks never wait long behind a backtest. */
const PAGE = 5_000;
/** Finished jobs stay readable this long. */
const KEEP_MS = 15 * 60_000;

interface Job {
  view: BacktestJob;
  owner: number | null;
  cancelled: boolean;
  tally: BacktestTally;
}

/**
 * Runs a rule (saved or not) over stored ticks with the live engine's code, as a job: started by
 * a request, polled for progress, cancellable. Jobs live in memory; a restart forgets them.
 */
@Injectable()
export class BacktestService implements OnModuleDestroy {
  private readonly logger = new Logger(BacktestService.name);
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly rules: RulesService,
    private readonly history: TickHistory,
    private readonly instruments: InstrumentsService,
  ) {}

  onModuleDestroy(): void {
    for (const job of this.jobs.values()) job.cancelled = true;
  }

  async start(dto: BacktestRequestDto, actor: Principal): Promise<BacktestJob> {
    const fields = this.checkedRule(dto);
    const fromMs = Date.parse(dto.from);
    const toMs = Date.parse(dto.to);
    if (!(fromMs < toMs)) throw ValidationFailedError.single(['body', 'to'], 'must be later than from', 'range');
    if (toMs - fromMs > BACKTEST_LIMITS.maxDays * DAY_MS) {
      throw ValidationFailedError.single(['body', 'to'], `the range may cover at most ${BACKTEST_LIMITS.maxDays} days`, 'range');
    }
    this.forgetOld();
    const running = [...this.jobs.values()].filter((j) => j.view.status === 'running').length;
    if (running >= BACKTEST_LIMITS.maxRunning) {
      throw new AppException(429, 'TOO_MANY_BACKTESTS', `${running} backtests are running; wait for one to finish or cancel one`);
    }
    const total = await this.history.count(fields.instrument_id, fromMs, toMs);
    const job: Job = {
      view: {
        id: randomUUID(),
        status: 'running',
        progress: total === 0 ? 1 : 0,
        ticks_total: total,
        ticks_done: 0,
        from: toIso(fromMs) ?? '',
        to: toIso(toMs) ?? '',
        started_at: toIso(Date.now()) ?? '',
        finished_at: null,
        error: null,
        result: null,
      },
      owner: actor.userId,
      cancelled: false,
      tally: new BacktestTally(fromMs, toMs),
    };
    this.jobs.set(job.view.id, job);
    void this.run(job, fields, fromMs, toMs);
    return this.snapshot(job);
  }

  get(id: string, actor: Principal): BacktestJob {
    return this.snapshot(this.require(id, actor));
  }

  cancel(id: string, actor: Principal): BacktestJob {
    const job = this.require(id, actor);
    job.cancelled = true;
    if (job.view.status === 'running') this.finish(job, 'cancelled');
    return this.snapshot(job);
  }

  private async run(job: Job, fields: RuleFields, fromMs: number, toMs: number): Promise<void> {
    try {
      const engine = new RuleEngine();
      // Sessions without a timezone of their own run in the instrument's, as live.
      engine.setTimezone(fields.instrument_id, this.instruments.findById(fields.instrument_id)?.timezone ?? DEFAULT_INSTRUMENT_TIMEZONE);
      // A fresh rule: no cooldown carried in, whatever the saved one's last firing was. Its
      // indicators start from the bars before the range, as live ones start from the stored bars.
      const rule = engineRuleOf(0, 1, { ...fields, active: true }, null);
      const bars = primingBars(rule);
      const history =
        bars > 0 && rule.options ? await this.history.recentBars(fields.instrument_id, rule.options.barMs, bars, fromMs) : undefined;
      if (job.cancelled) return;
      engine.upsertRule(rule, history);
      // The alert each firing would have raised, for its message: unnamed, an unsaved rule has no number to go by.
      const snapshot = snapshotOf({ ...fields, name: fields.name ?? 'Unnamed rule' }, job.owner);
      const symbol = this.instruments.findById(fields.instrument_id)?.symbol ?? '';
      const out: Firing[] = [];
      let cursor: TickCursor | null = null;
      while (!job.cancelled) {
        const ticks = await this.history.page(fields.instrument_id, fromMs, toMs, cursor, PAGE);
        if (job.cancelled) return;
        for (const t of ticks) {
          const n = engine.evaluate(
            { instrumentId: t.instrumentId, tsMs: t.ts, price: t.price, volume: t.volume, bid: t.bid, ask: t.ask },
            out,
          );
          if (n !== LATE) {
            job.tally.sawTick(t.ts, t.price);
            for (const f of out) job.tally.add(f, t.price, () => buildAlert(f, snapshot, { ...t, symbol }, 0).alertMessage);
          }
          out.length = 0;
        }
        job.view.ticks_done += ticks.length;
        job.view.progress = job.view.ticks_total === 0 ? 1 : Math.min(1, job.view.ticks_done / job.view.ticks_total);
        const last = ticks.at(-1);
        if (!last || ticks.length < PAGE) break;
        cursor = { ts: last.ts, id: last.id };
        await yieldToEventLoop();
      }
      if (!job.cancelled) this.finish(job, 'done');
    } catch (error) {
      this.logger.error({ message: 'Backtest failed', job: job.view.id, error });
      job.view.error = 'The backtest stopped on an internal error; see the server log';
      this.finish(job, 'failed');
    }
  }

  private finish(job: Job, status: BacktestJob['status']): void {
    job.view.status = status;
    job.view.finished_at = toIso(Date.now());
    if (status === 'done') job.view.progress = 1;
  }

  /** Result so far (running jobs included): a copy, so callers never see it change under them. */
  private snapshot(job: Job): BacktestJob {
    return { ...job.view, result: job.view.status === 'failed' ? null : job.tally.result() };
  }

  /** The rule checked as saving it would be, with its errors located under body.rule. */
  private checkedRule(dto: BacktestRequestDto): RuleFields {
    try {
      return this.rules.checked(dto.rule);
    } catch (error) {
      if (error instanceof ValidationFailedError) {
        throw new ValidationFailedError(error.items.map((i) => ({ ...i, loc: ['body', 'rule', ...i.loc.slice(1)] })));
      }
      throw error;
    }
  }

  private require(id: string, actor: Principal): Job {
    const job = this.jobs.get(id);
    if (!job || (job.owner !== actor.userId && !roleAtLeast(actor.role, 'admin'))) {
      throw new NotFoundError('BACKTEST_NOT_FOUND', `Backtest ${id} not found (finished ones are kept ${KEEP_MS / 60_000} minutes)`);
    }
    return job;
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.view.finished_at !== null && now - Date.parse(job.view.finished_at) > KEEP_MS) this.jobs.delete(id);
    }
  }
}
