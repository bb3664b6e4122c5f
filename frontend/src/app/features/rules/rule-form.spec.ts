import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { CreateRuleRequest } from '@tradeassist/shared-types';
import { anInstrument, aRule } from '../../../testing/factories';
import { noAnimations } from '../../../testing/no-animations';
import { ApiError } from '../../core/api/api-error';
import { RuleForm } from './rule-form';

describe('RuleForm', () => {
  let fixture: ComponentFixture<RuleForm>;
  let loader: HarnessLoader;
  let saved: CreateRuleRequest[];

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
  const clickSave = async () => {
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="rule-save"]')?.click();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [noAnimations] });
    fixture = TestBed.createComponent(RuleForm);
    fixture.componentRef.setInput('instruments', [
      anInstrument(),
      anInstrument({ id: 2, symbol: 'OLD', name: 'Retired', status: 'inactive' }),
    ]);
    saved = [];
    fixture.componentInstance.save.subscribe((body) => saved.push(body));
    await fixture.whenStable();
    loader = TestbedHarnessEnvironment.loader(fixture);
  });

  it('offers every rule type that has conditions, and only the conditions of the chosen type', async () => {
    expect(await optionTexts('rule-type')).toEqual(['threshold', 'crossover', 'rate of change', 'volume spike']);
    expect(await optionTexts('rule-condition')).toEqual(['above', 'below', 'equals (±0.01)']);
    await (await select('rule-type')).clickOptions({ text: 'crossover' });
    expect(await (await select('rule-condition')).getValueText()).toBe('crosses above');
    expect(await optionTexts('rule-condition')).toEqual(['crosses above', 'crosses below']);
    expect(await optionTexts('rule-instrument')).toEqual(['ES · E-mini S&P 500', 'OLD · Retired (inactive)']);
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

  it('puts each 422 message on the field loc[1] names, and the rest in the summary', async () => {
    fixture.componentRef.setInput(
      'serverError',
      new ApiError(422, '3 fields are invalid', 'VALIDATION_FAILED', {
        threshold: ['must not be less than 0'],
        cooldown_seconds: ['must not be greater than 3600'],
        time_window_seconds: ['must not be less than 1'],
        priority: ['must be one of: low, normal'],
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
      'priority: must be one of: low, normal',
    ]);
  });

  it('shows a 404 as a summary', async () => {
    fixture.componentRef.setInput('serverError', new ApiError(404, 'Instrument with ID 9999 not found', 'INSTRUMENT_NOT_FOUND', {}));
    await fixture.whenStable();
    const summary = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-form-error"]');
    expect(summary?.textContent?.trim()).toBe('Instrument with ID 9999 not found');
    expect(summary?.querySelector('ul')).toBeNull();
  });
});
