import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { CreateRuleRequest, RulePreview } from '@tradeassist/shared-types';
import { provideCharts, withDefaultRegisterables } from 'ng2-charts';
import { anErrorBody } from '../../../../testing/factories';
import { configurePageTestBed } from '../../../../testing/page-test-bed';
import { linesWithoutValues, previewChartData, previewChartOptions } from './preview-chart-data';
import { PREVIEW_DEBOUNCE_MS, RulePreviewPanel } from './rule-preview-panel';

const RULE: CreateRuleRequest = {
  instrument_id: 1,
  rule_type: 'threshold',
  condition: 'above',
  threshold: 6010,
  subject: null,
  against: { kind: 'rsi', period: 14 },
};
const bar = (start: string, close: number, volume = 10) => ({ start, open: close, high: close + 1, low: close - 1, close, volume });
const PREVIEW: RulePreview = {
  interval: '1m',
  bars: [bar('2026-11-30T14:30:00.000Z', 6000), bar('2026-11-30T14:31:00.000Z', 6004, 30), bar('2026-11-30T14:32:00.000Z', 6012)],
  lines: [
    { label: 'level 6010', axis: 'price', values: [6010, 6010, 6010] },
    { label: 'RSI(14)', axis: 'indicator', values: [null, 55, 71.5] },
    { label: 'bar volume', axis: 'volume', values: [10, 30, 10] },
  ],
};
const DEBOUNCE = 20;

describe('RulePreviewPanel', () => {
  let fixture: ComponentFixture<RulePreviewPanel>;
  let http: HttpTestingController;
  const el = () => fixture.nativeElement as HTMLElement;
  const text = (testid: string) => el().querySelector(`[data-testid="${testid}"]`)?.textContent?.trim() ?? null;
  const wait = async (ms: number) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await fixture.whenStable();
  };
  const setRule = async (rule: CreateRuleRequest | null) => {
    fixture.componentRef.setInput('rule', rule);
    await fixture.whenStable();
  };

  beforeEach(async () => {
    ({ http } = configurePageTestBed('trader', [
      provideCharts(withDefaultRegisterables()),
      { provide: PREVIEW_DEBOUNCE_MS, useValue: DEBOUNCE },
    ]));
    // Chart.js needs a 2D context jsdom does not have; its data is checked through previewChartData.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    fixture = TestBed.createComponent(RulePreviewPanel);
    fixture.componentRef.setInput('symbol', 'ES');
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  it('asks for an instrument and a level before sending anything', async () => {
    await wait(DEBOUNCE * 2);
    expect(text('rule-preview-hint')).toContain('Choose an instrument');
    http.expectNone('/api/rules/preview');
  });

  it('sends the draft once the form has stayed still, and draws the chart', async () => {
    await setRule({ ...RULE, threshold: 6 });
    await setRule({ ...RULE, threshold: 60 });
    await setRule(RULE);
    http.expectNone('/api/rules/preview');
    await wait(DEBOUNCE * 2);
    const post = http.expectOne({ method: 'POST', url: '/api/rules/preview' });
    expect(post.request.body).toEqual({ rule: RULE });
    post.flush(PREVIEW);
    await wait(1);
    expect(el().querySelector('[data-testid="rule-preview"] canvas')).not.toBeNull();
    expect(el().textContent).toContain('Last 3 bars of 1m');
    // RSI(14) has a value on two of the bars: nothing to explain.
    expect(text('rule-preview-warming')).toBeNull();
  });

  it('says why an indicator line is missing when it has no value on any bar drawn', async () => {
    await setRule(RULE);
    await wait(DEBOUNCE * 2);
    const cold = PREVIEW.lines.map((l) => (l.axis === 'indicator' ? { ...l, values: [null, null, null] } : l));
    http.expectOne('/api/rules/preview').flush({ ...PREVIEW, lines: cold });
    await wait(1);
    expect(text('rule-preview-warming')?.replace(/\s+/g, ' ')).toBe(
      'RSI(14) has no value over these bars yet: more closed 1m bars are needed than are stored. The rule fires once there are enough.',
    );
  });

  it('does not ask again for an unchanged draft', async () => {
    await setRule(RULE);
    await wait(DEBOUNCE * 2);
    http.expectOne('/api/rules/preview').flush(PREVIEW);
    await setRule({ ...RULE });
    await wait(DEBOUNCE * 2);
    expect(http.match('/api/rules/preview')).toHaveLength(0);
  });

  it('says plainly when the instrument has no stored bars', async () => {
    await setRule(RULE);
    await wait(DEBOUNCE * 2);
    http.expectOne('/api/rules/preview').flush({ interval: '1m', bars: [], lines: [] });
    await wait(1);
    expect(text('rule-preview-empty')).toBe('No stored bars for ES yet: start the simulated feed or push ticks.');
    expect(el().querySelector('[data-testid="rule-preview"]')).toBeNull();
  });

  it('hides the chart without a word when the server refuses the draft, and shows other failures', async () => {
    await setRule(RULE);
    await wait(DEBOUNCE * 2);
    http.expectOne('/api/rules/preview').flush(PREVIEW);
    await setRule({ ...RULE, threshold: 1 });
    await wait(DEBOUNCE * 2);
    http
      .expectOne('/api/rules/preview')
      .flush(anErrorBody({ message: 'Validation failed' }), { status: 422, statusText: 'Unprocessable Entity' });
    await wait(1);
    expect(el().querySelector('[data-testid="rule-preview"]')).toBeNull();
    expect(text('rule-preview-error')).toBeNull();
    expect(el().textContent?.trim()).toBe('');

    await setRule({ ...RULE, threshold: 2 });
    await wait(DEBOUNCE * 2);
    http.expectOne('/api/rules/preview').flush(anErrorBody({ message: 'History store unavailable', code: 'INTERNAL' }), {
      status: 500,
      statusText: 'Server Error',
    });
    await wait(1);
    expect(text('rule-preview-error')).toBe('Preview unavailable: History store unavailable');
  });

  it('drops an answer to a draft that has since changed', async () => {
    await setRule(RULE);
    await wait(DEBOUNCE * 2);
    const stale = http.expectOne('/api/rules/preview');
    await setRule({ ...RULE, threshold: 6020 });
    await wait(DEBOUNCE * 2);
    const fresh = http.expectOne('/api/rules/preview');
    fresh.flush({ ...PREVIEW, bars: PREVIEW.bars.slice(0, 2), lines: [] });
    stale.flush(PREVIEW);
    await wait(1);
    expect(el().textContent).toContain('Last 2 bars of 1m');
  });
});

describe('linesWithoutValues', () => {
  it('names the indicator lines without a value, not levels or volumes', () => {
    expect(linesWithoutValues(PREVIEW)).toEqual([]);
    const empty = (values: (number | null)[]) => values.map(() => null);
    const cold = { ...PREVIEW, lines: PREVIEW.lines.map((l) => ({ ...l, values: empty(l.values) })) };
    expect(linesWithoutValues(cold)).toEqual(['RSI(14)']);
  });
});

describe('previewChartData', () => {
  it('draws closes and price lines on the left axis, indicators on the right, volumes as bars on their own axis', () => {
    const data = previewChartData(PREVIEW);
    expect(data.labels).toEqual(['14:30', '14:31', '14:32']);
    expect(data.datasets.map((d) => [d.label, d.type, d.yAxisID])).toEqual([
      ['close', 'line', 'y'],
      ['level 6010', 'line', 'y'],
      ['RSI(14)', 'line', 'yIndicator'],
      ['bar volume', 'bar', 'yVolume'],
    ]);
    expect(data.datasets[0]?.data).toEqual([6000, 6004, 6012]);
    expect(data.datasets[2]?.data).toEqual([null, 55, 71.5]);
  });

  it('shows the indicator axis only when an indicator is drawn, and keeps volumes low', () => {
    const scales = previewChartOptions(PREVIEW)?.scales;
    expect(scales?.['yIndicator']?.display).toBe(true);
    expect(scales?.['yVolume']?.max).toBe(120);
    const priceOnly = previewChartOptions({ ...PREVIEW, lines: [PREVIEW.lines[0]!] })?.scales;
    expect(priceOnly?.['yIndicator']?.display).toBe(false);
  });
});
