import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { HttpTestingController } from '@angular/common/http/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import type { ConditionNode, CreateRuleRequest } from '@tradeassist/shared-types';
import { aRule, aTemplate, aTickTemplate, editorInstruments } from '../../../testing/factories';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { noRulePreview } from '../../../testing/no-rule-preview';
import { ApiError } from '../../core/api/api-error';
import { RuleForm } from './rule-form';

/** The options a rule without any sends: every edited one, at its default. */
const DEFAULT_OPTIONS_SENT = {
  subject: null,
  against: null,
  conditions: null,
  trigger_mode: 'every_time',
  bar_interval: '1m',
  price_source: 'last',
  rearm: null,
  expires_at: null,
  session: null,
  priority: 'normal',
  channels: null,
  sound: true,
  message_template: null,
};

describe('RuleForm', () => {
  let fixture: ComponentFixture<RuleForm>;
  let loader: HarnessLoader;
  let saved: CreateRuleRequest[];
  let http: HttpTestingController;

  const select = (testid: string) => loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${testid}"]` }));
  const input = (testid: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${testid}"]` }));
  const field = (label: string | RegExp) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const optionTexts = async (testid: string) => {
    const s = await select(testid);
    await s.open();
    const texts = await Promise.all((await s.getOptions()).map((o) => o.getText()));
    await s.close();
    return texts;
  };
  /** The server's 422 naming one nested field, as ApiError.from would make it. */
  const refuseAt = async (path: string, message: string) => {
    const field = path.split('.')[0] ?? path;
    fixture.componentRef.setInput(
      'serverError',
      new ApiError(422, '1 field is invalid', 'VALIDATION_FAILED', { [field]: [message] }, { [path]: [message] }),
    );
    await fixture.whenStable();
  };
  const clickSave = async () => {
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="rule-save"]')?.click();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    ({ http } = configurePageTestBed('trader', [noRulePreview]));
    fixture = TestBed.createComponent(RuleForm);
    fixture.componentRef.setInput('instruments', editorInstruments());
    saved = [];
    fixture.componentInstance.save.subscribe((body) => saved.push(body));
    fixture.detectChanges();
    http.expectOne('/api/rules/templates').flush([aTemplate(), aTickTemplate()]);
    await settle();
    loader = TestbedHarnessEnvironment.loader(fixture);
  });

  afterEach(() => http.verify());

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  it('offers every rule type that has conditions, and only the conditions of the chosen type', async () => {
    expect(await optionTexts('rule-type')).toEqual(['threshold', 'crossover', 'rate of change', 'volume spike', 'multi-condition']);
    expect(await optionTexts('rule-condition')).toEqual(['above', 'below', 'equals (±0.01)']);
    await (await select('rule-type')).clickOptions({ text: 'crossover' });
    expect(await (await select('rule-condition')).getValueText()).toBe('crosses above');
    expect(await optionTexts('rule-condition')).toEqual(['crosses above', 'crosses below']);
    expect(await optionTexts('rule-instrument')).toEqual(['ES · E-mini S&P 500', 'OLD · Retired (inactive)', 'TICK · NYSE TICK']);
  });

  it('asks for the window only for rate of change, and sends it only then', async () => {
    expect(await loader.getAllHarnesses(MatInputHarness.with({ selector: '[data-testid="rule-window"]' }))).toHaveLength(0);
    await (await select('rule-type')).clickOptions({ text: 'rate of change' });
    await (await input('rule-window')).setValue('30');
    await (await select('rule-instrument')).clickOptions({ text: /^ES/ });
    await (await input('rule-threshold')).setValue('0.5');
    await clickSave();
    expect(saved).toEqual([
      expect.objectContaining({ rule_type: 'rate_of_change', condition: 'percent_change_up', time_window_seconds: 30 }),
    ]);
    expect(await (await field('Threshold (%)')).getTextHints()).toEqual([]);
  });

  it('emits the floor fields, blanks as null', async () => {
    await (await select('rule-instrument')).clickOptions({ text: /^ES/ });
    await (await select('rule-condition')).clickOptions({ text: 'below' });
    await (await input('rule-threshold')).setValue('-5');
    await (await input('rule-name')).setValue('  ES under  ');
    await (await input('rule-cooldown')).setValue('15');
    await clickSave();
    expect(saved).toEqual([
      {
        instrument_id: 1,
        rule_type: 'threshold',
        condition: 'below',
        threshold: -5,
        name: 'ES under',
        description: null,
        time_window_seconds: null,
        moving_average_period: null,
        cooldown_seconds: 15,
        active: true,
        ...DEFAULT_OPTIONS_SENT,
      },
    ]);
  });

  it('starts from the rule being edited', async () => {
    fixture.componentRef.setInput(
      'rule',
      aRule({ rule_type: 'volume_spike', condition: 'volume_above', threshold: 500, cooldown_seconds: 5 }),
    );
    await fixture.whenStable();
    expect(await (await select('rule-type')).getValueText()).toBe('volume spike');
    expect(await (await input('rule-threshold')).getValue()).toBe('500');
    expect(await (await input('rule-cooldown')).getValue()).toBe('5');
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-save"]')?.textContent?.trim()).toBe('Save changes');
  });

  it('does not offer moving_average_period, which no condition reads, and keeps the value a rule has', async () => {
    fixture.componentRef.setInput('rule', aRule({ moving_average_period: 20 }));
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).not.toContain('Moving average period');
    await clickSave();
    expect(saved[0]).toMatchObject({ moving_average_period: 20 });
  });

  it('puts each 422 message on the field loc[1] names, and the rest in the summary', async () => {
    fixture.componentRef.setInput(
      'serverError',
      new ApiError(422, '3 fields are invalid', 'VALIDATION_FAILED', {
        threshold: ['must not be less than 0'],
        cooldown_seconds: ['must not be greater than 3600'],
        time_window_seconds: ['must not be less than 1'],
        owner_id: ['is not a known field'],
      }),
    );
    await fixture.whenStable();
    const threshold = await field('Price level');
    expect(await threshold.hasErrors()).toBe(true);
    expect(await threshold.getTextErrors()).toEqual(['must not be less than 0']);
    expect(await (await field('Cooldown (seconds)')).getTextErrors()).toEqual(['must not be greater than 3600']);
    expect(await (await field('Name')).hasErrors()).toBe(false);
    // The window field is hidden for a threshold rule, so its message goes to the summary.
    const summary = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-form-error"]');
    expect(summary?.textContent).toContain('3 fields are invalid');
    expect(Array.from(summary?.querySelectorAll('li') ?? [], (li) => li.textContent)).toEqual([
      'time_window_seconds: must not be less than 1',
      'owner_id: is not a known field',
    ]);
  });

  it('shows a 404 as a summary', async () => {
    fixture.componentRef.setInput('serverError', new ApiError(404, 'Instrument with ID 9999 not found', 'INSTRUMENT_NOT_FOUND', {}));
    await fixture.whenStable();
    const summary = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-form-error"]');
    expect(summary?.textContent?.trim()).toBe('Instrument with ID 9999 not found');
    expect(summary?.querySelector('ul')).toBeNull();
  });
  it('fills the form from a template, and takes the instrument the template suggests', async () => {
    await (await select('rule-template')).clickOptions({ text: 'RSI overbought' });
    expect(await (await input('rule-name')).getValue()).toBe('RSI(14) overbought');
    expect(await (await select('rule-subject-kind')).getValueText()).toBe('RSI (relative strength)');
    expect(await (await input('rule-subject-period')).getValue()).toBe('14');
    expect(await (await field('Level of RSI(14)')).getControl()).toBeTruthy();
    expect(await (await select('rule-rearm-unit')).getValueText()).toBe('when the price moves back by %');
    expect(await (await input('rule-rearm-by')).getValue()).toBe('0.2');
    // No suggested symbol: the trader picks one, and saving waits for it.
    expect((fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="rule-save"]')?.disabled).toBe(true);
    await (await select('rule-instrument')).clickOptions({ text: /^ES/ });
    await clickSave();
    expect(saved).toEqual([
      expect.objectContaining({
        instrument_id: 1,
        threshold: 70,
        subject: { kind: 'rsi', period: 14 },
        rearm: { by: 0.2, unit: 'percent' },
        message_template: '{{symbol}} RSI(14) is {{subject}}',
      }),
    ]);

    await (await select('rule-template')).clickOptions({ text: /TICK extreme/ });
    expect(await (await select('rule-instrument')).getValueText()).toBe('TICK · NYSE TICK');
    expect(await (await select('rule-subject-kind')).getValueText()).toBe('the price');
    expect(await (await select('rule-priority')).getValueText()).toBe('high');
  });

  it('compares indicators: with an operand to compare with, the threshold is not asked for', async () => {
    await (await select('rule-instrument')).clickOptions({ text: /^ES/ });
    await (await select('rule-type')).clickOptions({ text: 'crossover' });
    await (await select('rule-subject-kind')).clickOptions({ text: /^SMA/ });
    await (await input('rule-subject-period')).setValue('50');
    await (await select('rule-against-kind')).clickOptions({ text: /^MACD/ });
    expect(await loader.getAllHarnesses(MatInputHarness.with({ selector: '[data-testid="rule-threshold"]' }))).toHaveLength(0);
    await (await input('rule-against-slow')).setValue('30');
    await clickSave();
    expect(saved[0]).toMatchObject({
      rule_type: 'crossover',
      condition: 'crosses_above',
      threshold: 0,
      subject: { kind: 'sma', period: 50 },
      against: { kind: 'macd', line: 'macd', fast: 12, slow: 30, signal: 9 },
    });
    // A volume spike reads volumes: the price indicators go, only the average volume is offered.
    await (await select('rule-type')).clickOptions({ text: 'volume spike' });
    expect(await loader.getAllHarnesses(MatSelectHarness.with({ selector: '[data-testid="rule-subject-kind"]' }))).toHaveLength(0);
    expect(await optionTexts('rule-against-kind')).toEqual(['the volume threshold', 'average volume × factor']);
  });

  it('sends the firing and alert options', async () => {
    await (await select('rule-instrument')).clickOptions({ text: /^ES/ });
    await (await input('rule-threshold')).setValue('6100');
    await (await select('rule-trigger-mode')).clickOptions({ text: 'on bar close only' });
    await (await select('rule-bar-interval')).clickOptions({ text: '15m' });
    await (await select('rule-price-source')).clickOptions({ text: /^mid/ });
    await (await select('rule-rearm-unit')).clickOptions({ text: /by points/ });
    await (await input('rule-rearm-by')).setValue('2.5');
    await (await input('rule-expires-at')).setValue('2026-12-24T16:00');
    await (await select('rule-priority')).clickOptions({ text: 'urgent' });
    await (await select('rule-channels')).clickOptions({ text: 'Slack' });
    await (await input('rule-message-template')).setValue('{{symbol}} at');
    await (await loader.getHarness(MatChipHarness.with({ text: '{{price}}' }))).host().then((h) => h.click());
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('[data-testid="rule-sound"] button')?.click();
    await clickSave();
    expect(saved[0]).toMatchObject({
      trigger_mode: 'once_per_bar_close',
      bar_interval: '15m',
      price_source: 'mid',
      rearm: { by: 2.5, unit: 'value' },
      expires_at: '2026-12-24T16:00:00.000Z',
      priority: 'urgent',
      channels: ['slack'],
      sound: false,
      message_template: '{{symbol}} at {{price}}',
    });
  });

  it('flags an unknown placeholder while typing, as the server would', async () => {
    await (await input('rule-message-template')).setValue('{{symbol}} hit {{pirce}}');
    await (await input('rule-message-template')).blur();
    const errors = await (await field('Message (optional)')).getTextErrors();
    expect(errors[0]).toMatch(/^unknown placeholder \{\{pirce\}\}; use one of \{\{symbol\}\}/);
  });

  it('puts nested 422 locations on the operand and re-arm fields they name', async () => {
    await (await select('rule-subject-kind')).clickOptions({ text: /^RSI/ });
    await (await select('rule-rearm-unit')).clickOptions({ text: /by %/ });
    fixture.componentRef.setInput(
      'serverError',
      new ApiError(
        422,
        '3 fields are invalid',
        'VALIDATION_FAILED',
        { subject: ['must not be greater than 1000'], rearm: ['must be positive'], message_template: ['unknown placeholder {{x}}'] },
        {
          'subject.period': ['must not be greater than 1000'],
          'rearm.by': ['must be positive'],
          message_template: ['unknown placeholder {{x}}'],
        },
      ),
    );
    await fixture.whenStable();
    expect(await (await field('Period (bars)')).getTextErrors()).toEqual(['must not be greater than 1000']);
    expect(await (await field(/^Move back by/)).getTextErrors()).toEqual(['must be positive']);
    expect(await (await field('Message (optional)')).getTextErrors()).toEqual(['unknown placeholder {{x}}']);
    const summary = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-form-error"]');
    expect(summary?.querySelector('ul')).toBeNull();
  });

  it('sends the market session and puts its 422 locations on the window fields', async () => {
    await (await select('rule-instrument')).clickOptions({ text: /^ES/ });
    await (await input('rule-threshold')).setValue('6100');
    await (await select('rule-session-kind')).clickOptions({ text: 'custom windows' });
    // Blank runs in the chosen instrument's timezone, and the hint says which that is.
    expect(await (await field('Timezone (IANA)')).getTextHints()).toEqual(["Blank: the instrument's timezone (ES: America/New_York)"]);
    await (await input('rule-session-end-0')).setValue('09:00');
    await clickSave();
    expect(saved[0]?.session).toEqual({ kind: 'custom', windows: [{ days: [1, 2, 3, 4, 5], start: '09:30', end: '09:00' }] });
    await refuseAt('session.windows.0.end', 'end must be after start');
    expect(await (await field('To')).getTextErrors()).toEqual(['end must be after start']);
    const summary = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-form-error"]');
    expect(summary?.querySelector('ul')).toBeNull();
  });

  it('edits a multi-condition rule with its tree in place of the condition and threshold', async () => {
    await (await select('rule-instrument')).clickOptions({ text: /^ES/ });
    await (await select('rule-type')).clickOptions({ text: 'multi-condition' });
    expect(await loader.getAllHarnesses(MatSelectHarness.with({ selector: '[data-testid="rule-condition"]' }))).toHaveLength(0);
    expect(await loader.getAllHarnesses(MatInputHarness.with({ selector: '[data-testid="rule-threshold"]' }))).toHaveLength(0);
    await (await input('rule-tree-threshold-0')).setValue('6100');
    await clickSave();
    expect(saved[0]).toMatchObject({
      rule_type: 'multi_condition',
      threshold: 0,
      conditions: { kind: 'all', of: [{ kind: 'rule', rule_type: 'threshold', condition: 'above', threshold: 6100 }] },
    });
    await refuseAt('conditions.of.0.threshold', 'must be a finite number');
    expect(await (await field('Level')).getTextErrors()).toEqual(['must be a finite number']);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-form-error"] ul')).toBeNull();

    await (await select('rule-type')).clickOptions({ text: 'threshold' });
    await (await input('rule-threshold')).setValue('6000');
    await clickSave();
    expect(saved[1]).toMatchObject({ rule_type: 'threshold', conditions: null, threshold: 6000 });
  });

  it('edits a nested tree of a saved rule and puts a 422 deep inside it on its field', async () => {
    const conditions: ConditionNode = {
      kind: 'all',
      of: [
        { kind: 'channel', op: 'inside', lower: 6000, upper: 6100 },
        { kind: 'any', of: [{ kind: 'move', direction: 'up', by: 0.5, unit: 'percent', within_bars: 3 }] },
      ],
    };
    fixture.componentRef.setInput('rule', aRule({ rule_type: 'multi_condition', conditions }));
    await fixture.whenStable();
    await (await input('rule-tree-by-1-0')).setValue('0.8');
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="rule-tree-add-1"]' }))).click();
    await (await input('rule-tree-threshold-1-1')).setValue('6200');
    await clickSave();
    expect(saved[0]?.conditions).toEqual({
      kind: 'all',
      of: [
        { kind: 'channel', op: 'inside', lower: 6000, upper: 6100 },
        {
          kind: 'any',
          of: [
            { kind: 'move', direction: 'up', by: 0.8, unit: 'percent', within_bars: 3 },
            { kind: 'rule', rule_type: 'threshold', condition: 'above', threshold: 6200 },
          ],
        },
      ],
    });
    await refuseAt('conditions.of.1.of.0.within_bars', 'must be a whole number from 1 to 500');
    expect(await (await field('Within')).getTextErrors()).toEqual(['must be a whole number from 1 to 500']);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-form-error"] ul')).toBeNull();
  });

  it('saves the form as a template after asking for its name', async () => {
    await (await select('rule-instrument')).clickOptions({ text: /^ES/ });
    await (await input('rule-threshold')).setValue('6100');
    await (await input('rule-name')).setValue('ES breakout');
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="rule-save-template"]' }))).click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="template-name"]' }))).getValue()).toBe(
      'ES breakout',
    );
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="template-description"]' }))).setValue('Prior high');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save template' }))).click();
    await settle();
    const post = http.expectOne({ method: 'POST', url: '/api/rules/templates' });
    expect(post.request.body).toEqual({
      name: 'ES breakout',
      description: 'Prior high',
      symbol: null,
      body: expect.objectContaining({ rule_type: 'threshold', condition: 'above', threshold: 6100, name: 'ES breakout' }),
    });
    expect(post.request.body.body).not.toHaveProperty('instrument_id');
    post.flush(aTemplate({ id: 'user:1', name: 'ES breakout', builtin: false, owner: 'ann' }));
    await settle();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="template-message"]')?.textContent).toContain(
      'Saved as template “ES breakout”',
    );
    expect(await optionTexts('rule-template')).toContain('ES breakout (ann)');
  });
  it('deletes a saved template after confirmation; built-in ones offer no delete', async () => {
    fixture.componentRef.setInput('rule', null);
    await (await select('rule-template')).clickOptions({ text: 'RSI overbought' });
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="template-delete"]')).toBeNull();
    // A saved template arrives the way saving one adds it.
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="rule-save-template"]' }))).click();
    const saveDialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    await (await saveDialog.getHarness(MatInputHarness.with({ selector: '[data-testid="template-name"]' }))).setValue('Mine');
    await (await saveDialog.getHarness(MatButtonHarness.with({ text: 'Save template' }))).click();
    await settle();
    http
      .expectOne({ method: 'POST', url: '/api/rules/templates' })
      .flush(aTemplate({ id: 'user:7', name: 'Mine', builtin: false, owner: 'ann', description: '' }));
    await settle();
    await (await select('rule-template')).clickOptions({ text: 'Mine (ann)' });
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="template-delete"]' }))).click();
    const confirm = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await confirm.getTitleText()).toBe('Delete template Mine?');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Delete template' }))).click();
    await settle();
    http.expectOne({ method: 'DELETE', url: '/api/rules/templates/user%3A7' }).flush({ message: 'Template user:7 deleted successfully' });
    await settle();
    expect(await optionTexts('rule-template')).toEqual(['RSI overbought', 'TICK extreme +1000 · TICK']);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="template-message"]')?.textContent).toContain(
      'Deleted template “Mine”',
    );
  });
});
