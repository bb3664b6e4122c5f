import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CreateRuleRequest } from '@tradeassist/shared-types';
import { aBacktestJob, anErrorBody } from '../../../../testing/factories';
import { apiErrorInterceptor } from '../../../core/api/api-error.interceptor';
import { BACKTEST_POLL_MS, BacktestRunner } from './backtest-runner';

const RULE: CreateRuleRequest = { instrument_id: 1, rule_type: 'threshold', condition: 'above', threshold: 6100 };
const FROM = '2026-11-24T00:00:00.000Z';
const TO = '2026-12-01T00:00:00.000Z';
const DONE = aBacktestJob({
  status: 'done',
  progress: 1,
  ticks_done: 40,
  finished_at: '2026-12-01T00:00:01.000Z',
  result: { total_firings: 2, per_day: { '2026-11-30': 2 }, firings: [], truncated: false, price_path: [] },
});

describe('BacktestRunner', () => {
  let runner: BacktestRunner;
  let http: HttpTestingController;
  /** Lets a flushed answer reach the runner and its next poll get scheduled and sent. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        BacktestRunner,
        { provide: BACKTEST_POLL_MS, useValue: 0 },
      ],
    });
    runner = TestBed.inject(BacktestRunner);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts the job, polls its progress until it is done, then stops polling', async () => {
    const started = runner.start(RULE, FROM, TO);
    expect(runner.running()).toBe(true);
    const post = http.expectOne({ method: 'POST', url: '/api/rules/backtest' });
    expect(post.request.body).toEqual({ rule: RULE, from: FROM, to: TO });
    post.flush(aBacktestJob(), { status: 202, statusText: 'Accepted' });
    await started;
    await settle();
    http.expectOne({ method: 'GET', url: '/api/rules/backtest/job-1' }).flush(aBacktestJob({ progress: 0.5, ticks_done: 20 }));
    await settle();
    expect(runner.job()?.progress).toBe(0.5);
    expect(runner.running()).toBe(true);
    http.expectOne({ method: 'GET', url: '/api/rules/backtest/job-1' }).flush(DONE);
    await settle();
    expect(runner.running()).toBe(false);
    expect(runner.job()?.result?.total_firings).toBe(2);
    // verify() in afterEach: no further poll went out.
  });

  it('cancels a running job and shows what it found until then', async () => {
    const started = runner.start(RULE, FROM, TO);
    http.expectOne({ method: 'POST', url: '/api/rules/backtest' }).flush(aBacktestJob());
    await started;
    const cancelled = runner.cancel();
    http
      .expectOne({ method: 'DELETE', url: '/api/rules/backtest/job-1' })
      .flush({ ...DONE, status: 'cancelled', progress: 0.25, result: { ...DONE.result!, total_firings: 1 } });
    await cancelled;
    await settle();
    expect(runner.running()).toBe(false);
    expect(runner.job()?.status).toBe('cancelled');
    expect(runner.job()?.result?.total_firings).toBe(1);
  });

  it('keeps a refused start as an error with its nested locations', async () => {
    const started = runner.start(RULE, FROM, TO);
    http.expectOne({ method: 'POST', url: '/api/rules/backtest' }).flush(
      anErrorBody({
        status_code: 422,
        code: 'VALIDATION_FAILED',
        message: '1 field is invalid',
        detail: [{ loc: ['body', 'rule', 'subject', 'period'], msg: 'must not be greater than 1000', type: 'max' }],
      }),
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await started;
    expect(runner.running()).toBe(false);
    expect(runner.job()).toBeNull();
    expect(runner.error()?.paths).toEqual({ 'rule.subject.period': ['must not be greater than 1000'] });
  });
});
