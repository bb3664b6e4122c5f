import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import type { BacktestFiring, CreateRuleRequest } from '@tradeassist/shared-types';
import { provideCharts, withDefaultRegisterables } from 'ng2-charts';
import { aBacktestJob, anErrorBody } from '../../../../testing/factories';
import { configurePageTestBed } from '../../../../testing/page-test-bed';
import { readText } from '../../../shared/files';
import { BacktestPanel } from './backtest-panel';
import { BACKTEST_POLL_MS } from './backtest-runner';
import { backtestChartData } from './backtest-chart';

const RULE: CreateRuleRequest = {
  instrument_id: 1,
  rule_type: 'threshold',
  condition: 'above',
  threshold: 70,
  subject: { kind: 'rsi', period: 14 },
};
const firing = (timestamp: string, price: number, rsi: number): BacktestFiring => ({
  timestamp,
  trigger_value: rsi,
  threshold_value: 70,
  price,
  evaluated_on: 'tick',
  indicators: { 'RSI(14)': rsi },
  message: `ES RSI(14) is ${rsi}, above 70`,
});
const FIRINGS = [
  firing('2026-11-29T14:30:05.000Z', 6014, 100),
  firing('2026-11-30T09:00:05.000Z', 6020, 81.5),
  firing('2026-11-30T09:10:05.000Z', 6031.25, 90),
];
const PATH = [
  { timestamp: '2026-11-29T14:30:05.000Z', price: 6014 },
  { timestamp: '2026-11-30T08:00:00.000Z', price: 6002 },
  { timestamp: '2026-11-30T09:10:05.000Z', price: 6031.25 },
];

describe('BacktestPanel', () => {
  let fixture: ComponentFixture<BacktestPanel>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  const el = () => fixture.nativeElement as HTMLElement;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fixture.whenStable();
  };
  const button = (testid: string) => loader.getHarness(MatButtonHarness.with({ selector: `[data-testid="${testid}"]` }));

  beforeEach(async () => {
    ({ http } = configurePageTestBed('trader', [provideCharts(withDefaultRegisterables()), { provide: BACKTEST_POLL_MS, useValue: 0 }]));
    // Chart.js needs a 2D context jsdom does not have; its data is checked through firingsChartData.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    fixture = TestBed.createComponent(BacktestPanel);
    fixture.componentRef.setInput('rule', RULE);
    await fixture.whenStable();
    loader = TestbedHarnessEnvironment.loader(fixture);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  it('cannot run an incomplete rule', async () => {
    fixture.componentRef.setInput('rule', null);
    await fixture.whenStable();
    expect(await (await button('backtest-run')).isDisabled()).toBe(true);
  });

  it('runs over the last 7 days by default, shows progress, then the total, the chart and the firings per day', async () => {
    await (await button('backtest-run')).click();
    const post = http.expectOne({ method: 'POST', url: '/api/rules/backtest' });
    const { rule, from, to } = post.request.body as { rule: CreateRuleRequest; from: string; to: string };
    expect(rule).toEqual(RULE);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    expect(Math.abs(Date.parse(to) - Date.now())).toBeLessThan(3 * 60_000);
    post.flush(aBacktestJob({ progress: 0.25, ticks_done: 10 }), { status: 202, statusText: 'Accepted' });
    await settle();
    expect(await (await loader.getHarness(MatProgressBarHarness)).getValue()).toBe(25);
    expect(el().textContent).toContain('10 of 40 ticks');
    // While it runs, a partial total would mislead: it appears only at the end.
    expect(el().querySelector('[data-testid="backtest-total"]')).toBeNull();
    expect(await (await button('backtest-cancel')).getText()).toContain('Cancel');

    http.expectOne({ method: 'GET', url: '/api/rules/backtest/job-1' }).flush(
      aBacktestJob({
        status: 'done',
        progress: 1,
        ticks_done: 40,
        result: { total_firings: 3, per_day: { '2026-11-30': 2, '2026-11-29': 1 }, firings: FIRINGS, truncated: false, price_path: PATH },
      }),
    );
    await settle();
    expect(el().querySelector('[data-testid="backtest-total"]')?.textContent?.trim()).toBe('3');
    expect(el().querySelector('canvas[data-testid="backtest-chart"]')).not.toBeNull();
    const rows = Array.from(el().querySelectorAll('[data-testid="backtest-per-day"] tbody tr'), (tr) =>
      Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['2026-11-29', '1'],
      ['2026-11-30', '2'],
    ]);
    // Each firing listed, with the alert it would have sent.
    const firings = Array.from(el().querySelectorAll('[data-testid="backtest-firings"] tbody tr'), (tr) =>
      Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim()),
    );
    expect(firings).toEqual([
      ['2026-11-29 14:30:05', 'tick', '6,014.00', 'ES RSI(14) is 100, above 70'],
      ['2026-11-30 09:00:05', 'tick', '6,020.00', 'ES RSI(14) is 81.5, above 70'],
      ['2026-11-30 09:10:05', 'tick', '6,031.25', 'ES RSI(14) is 90, above 70'],
    ]);
    expect(el().textContent).toContain('3 listed.');
    // And as a CSV file, a column per indicator.
    const createObjectURL = jest.fn(() => 'blob:firings');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await (await button('backtest-csv')).click();
    expect(clicked.map((a) => a.download)).toEqual(['tradeassist-backtest-2026-11-29.csv']);
    const csv = await readText((createObjectURL.mock.calls[0] as unknown as [Blob])[0]);
    expect(csv.split('\r\n')).toEqual([
      'timestamp,evaluated_on,price,trigger_value,threshold_value,RSI(14),message',
      '2026-11-29T14:30:05.000Z,tick,6014,100,70,100,"ES RSI(14) is 100, above 70"',
      '2026-11-30T09:00:05.000Z,tick,6020,81.5,70,81.5,"ES RSI(14) is 81.5, above 70"',
      '2026-11-30T09:10:05.000Z,tick,6031.25,90,70,90,"ES RSI(14) is 90, above 70"',
      '',
    ]);
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveLength(0);
  });

  it('cancels a running backtest and says the total is partial', async () => {
    await (await button('backtest-run')).click();
    http.expectOne({ method: 'POST', url: '/api/rules/backtest' }).flush(aBacktestJob());
    await settle();
    await (await button('backtest-cancel')).click();
    http.expectOne({ method: 'DELETE', url: '/api/rules/backtest/job-1' }).flush(
      aBacktestJob({
        status: 'cancelled',
        progress: 0.5,
        ticks_done: 20,
        result: {
          total_firings: 1,
          per_day: { '2026-11-29': 1 },
          firings: FIRINGS.slice(0, 1),
          truncated: false,
          price_path: PATH.slice(0, 1),
        },
      }),
    );
    // A progress poll that was already on its way answers late: it must not bring the job back to running.
    for (const poll of http.match({ method: 'GET', url: '/api/rules/backtest/job-1' })) poll.flush(aBacktestJob({ progress: 0.4 }));
    await settle();
    expect(el().querySelector('[data-testid="backtest-total"]')?.textContent?.trim()).toBe('1');
    expect(el().textContent).toContain('Cancelled: what was found until then');
    expect(await (await button('backtest-run')).isDisabled()).toBe(false);
  });

  it('puts a refused range on its field and the rule problems in a list', async () => {
    await (await button('backtest-run')).click();
    http.expectOne({ method: 'POST', url: '/api/rules/backtest' }).flush(
      anErrorBody({
        status_code: 422,
        code: 'VALIDATION_FAILED',
        message: '2 fields are invalid',
        detail: [
          { loc: ['body', 'to'], msg: 'must be after from', type: 'range' },
          { loc: ['body', 'rule', 'subject', 'period'], msg: 'must not be greater than 1000', type: 'max' },
        ],
      }),
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    expect(await (await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'To (UTC)' }))).getTextErrors()).toEqual([
      'must be after from',
    ]);
    const problem = el().querySelector('[data-testid="backtest-error"]');
    expect(problem?.textContent).toContain('2 fields are invalid');
    expect(Array.from(problem?.querySelectorAll('li') ?? [], (li) => li.textContent?.trim())).toEqual([
      'subject.period: must not be greater than 1000',
    ]);
  });
});

describe('backtestChartData', () => {
  const ms = (iso: string) => Date.parse(iso);

  it('draws the price path as a line, a marker at each firing on it, and an indicator on its own axis', () => {
    const data = backtestChartData({ firings: FIRINGS, price_path: PATH });
    expect(data.datasets.map((d) => [d.label, d.yAxisID ?? 'y', d.hidden ?? false, d.showLine ?? true])).toEqual([
      ['Price', 'y', false, true],
      ['Fired', 'y', false, false],
      ['Trigger value', 'y1', false, false],
      ['Compared with', 'y1', false, false],
    ]);
    expect(data.datasets[0]?.data).toEqual(PATH.map((p) => ({ x: ms(p.timestamp), y: p.price })));
    expect(data.datasets[1]?.data).toEqual([
      { x: ms('2026-11-29T14:30:05.000Z'), y: 6014 },
      { x: ms('2026-11-30T09:00:05.000Z'), y: 6020 },
      { x: ms('2026-11-30T09:10:05.000Z'), y: 6031.25 },
    ]);
    expect(data.datasets[2]?.data).toEqual(FIRINGS.map((f) => ({ x: ms(f.timestamp), y: f.trigger_value })));
  });

  it('keeps a price rule on one axis, without a duplicate trigger series', () => {
    const data = backtestChartData({ firings: [{ ...FIRINGS[0]!, trigger_value: 6014, threshold_value: 6010 }], price_path: PATH });
    expect(data.datasets.map((d) => [d.yAxisID ?? 'y', d.hidden ?? false])).toEqual([
      ['y', false],
      ['y', false],
      ['y', true],
      ['y', false],
    ]);
  });
});
