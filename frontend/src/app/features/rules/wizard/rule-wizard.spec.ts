import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { CreateRuleRequest } from '@tradeassist/shared-types';
import { provideCharts, withDefaultRegisterables } from 'ng2-charts';
import { aTemplate, aTickTemplate, editorInstruments } from '../../../../testing/factories';
import { configurePageTestBed } from '../../../../testing/page-test-bed';
import { noRulePreview } from '../../../../testing/no-rule-preview';
import { ApiError } from '../../../core/api/api-error';
import { RuleWizard } from './rule-wizard';

describe('RuleWizard', () => {
  let fixture: ComponentFixture<RuleWizard>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let saved: CreateRuleRequest[];
  const el = () => fixture.nativeElement as HTMLElement;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const click = async (testid: string) => {
    el().querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`)?.click();
    await settle();
  };
  const disabled = (testid: string) => el().querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`)?.disabled;
  const input = (testid: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${testid}"]` }));
  const pick = async (templateId: string) =>
    (await loader.getHarness(MatRadioButtonHarness.with({ selector: `[data-testid="wizard-template-${templateId}"]` }))).check();

  beforeEach(async () => {
    ({ http } = configurePageTestBed('trader', [noRulePreview, provideCharts(withDefaultRegisterables())]));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    fixture = TestBed.createComponent(RuleWizard);
    fixture.componentRef.setInput('instruments', editorInstruments());
    saved = [];
    fixture.componentInstance.save.subscribe((body) => saved.push(body));
    fixture.detectChanges();
    http.expectOne('/api/rules/templates').flush([
      aTemplate(),
      aTickTemplate(),
      aTemplate({
        id: 'builtin:vix-spike',
        name: 'VIX spike 10 %',
        symbol: 'VIX',
        body: { rule_type: 'rate_of_change', condition: 'percent_change_up', threshold: 10, time_window_seconds: 300, name: 'VIX up 10 %' },
      }),
      aTemplate({
        id: 'user:1',
        name: 'Big prints',
        builtin: false,
        body: { rule_type: 'volume_spike', condition: 'volume_above', threshold: 5000, name: 'Big prints' },
      }),
      aTemplate({
        id: 'builtin:golden-cross',
        name: 'Golden cross',
        body: {
          rule_type: 'crossover',
          condition: 'crosses_above',
          threshold: 0,
          name: 'Golden cross',
          subject: { kind: 'sma', period: 50 },
          against: { kind: 'sma', period: 200 },
          trigger_mode: 'once_per_bar_close',
          bar_interval: '1h',
        },
      }),
    ]);
    await settle();
    loader = TestbedHarnessEnvironment.loader(fixture);
  });

  afterEach(() => {
    http.verify();
    jest.restoreAllMocks();
  });

  it('builds an RSI rule from its template: instrument, level and period, then the name, and sends the template body so changed', async () => {
    expect(disabled('wizard-next-1')).toBe(true);
    await pick('builtin:rsi-overbought');
    await click('wizard-next-1');
    // Nothing can go on without an instrument (only active ones are offered).
    expect(disabled('wizard-next-2')).toBe(true);
    const instrument = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="wizard-instrument"]' }));
    await instrument.open();
    expect(await Promise.all((await instrument.getOptions()).map((o) => o.getText()))).toEqual(['ES · E-mini S&P 500', 'TICK · NYSE TICK']);
    await instrument.clickOptions({ text: /^ES/ });
    expect(await (await input('wizard-threshold')).getValue()).toBe('70');
    await (await input('wizard-threshold')).setValue('75');
    await (await input('wizard-subject-period')).setValue('21');
    await settle();
    await click('wizard-next-2');
    // The check step draws the rule and offers its backtest, on the draft as it stands.
    expect(el().querySelector('ta-rule-preview-panel')).not.toBeNull();
    expect(el().querySelector('ta-backtest-panel')).not.toBeNull();
    await click('wizard-next-3');
    expect(await (await input('wizard-name')).getValue()).toBe('RSI(14) overbought');
    await (await input('wizard-name')).setValue('ES RSI(21) above 75');
    await click('wizard-save');
    expect(saved).toEqual([
      {
        ...aTemplate().body,
        instrument_id: 1,
        threshold: 75,
        subject: { kind: 'rsi', period: 21 },
        name: 'ES RSI(21) above 75',
      },
    ]);
  });

  it('asks no level when the rule compares two indicators, and takes the instrument a template suggests', async () => {
    await pick('builtin:golden-cross');
    await click('wizard-next-1');
    const ids = Array.from(el().querySelectorAll('.fields input[data-testid]'), (i) => i.getAttribute('data-testid'));
    expect(ids).toEqual(['wizard-subject-period', 'wizard-against-period']);
    await pick('builtin:tick-extreme-high');
    expect(await (await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="wizard-instrument"]' }))).getValueText()).toBe(
      'TICK · NYSE TICK',
    );
  });

  it('asks a rate rule for its change and window, and a volume rule for its volume', async () => {
    await pick('builtin:vix-spike');
    await click('wizard-next-1');
    const labels = () => Array.from(el().querySelectorAll('.fields mat-label'), (l) => l.textContent?.trim());
    expect(labels()).toEqual(['Instrument', 'Change (%)', 'Within (seconds)']);
    await pick('user:1');
    expect(labels()).toEqual(['Instrument', 'Volume above']);
  });

  it('will not go on with a number left blank', async () => {
    await pick('builtin:rsi-overbought');
    await click('wizard-next-1');
    await (await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="wizard-instrument"]' }))).clickOptions({ text: /^ES/ });
    await (await input('wizard-subject-period')).setValue('');
    await settle();
    expect(disabled('wizard-next-2')).toBe(true);
  });

  it("shows the server's refusal with the fields it names", async () => {
    fixture.componentRef.setInput(
      'serverError',
      new ApiError(
        422,
        '1 field is invalid',
        'VALIDATION_FAILED',
        { subject: ['x'] },
        { 'subject.period': ['must not be greater than 1000'] },
      ),
    );
    await pick('builtin:rsi-overbought');
    await click('wizard-next-1');
    await (await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="wizard-instrument"]' }))).clickOptions({ text: /^ES/ });
    await click('wizard-next-2');
    await click('wizard-next-3');
    const problem = el().querySelector('[data-testid="wizard-error"]');
    expect(problem?.textContent).toContain('1 field is invalid');
    expect(problem?.textContent).toContain('subject.period: must not be greater than 1000');
  });
});
