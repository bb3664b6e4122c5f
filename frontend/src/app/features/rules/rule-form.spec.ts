import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { Instrument } from '@tradeassist/shared-types';
import { ApiError } from '../../core/api/api-error';
import { RuleForm } from './rule-form';

const ES: Instrument = {
  id: 1,
  symbol: 'ES',
  name: 'E-mini S&P 500',
  type: 'future',
  status: 'active',
  last_tick: null,
  last_price: 6000,
  created_at: '',
};

describe('RuleForm', () => {
  async function setup() {
    const fixture = TestBed.createComponent(RuleForm);
    fixture.componentRef.setInput('instruments', [ES]);
    fixture.detectChanges();
    await fixture.whenStable();
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('offers only the conditions of the chosen rule type', async () => {
    const { loader } = await setup();
    const type = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="rule-type"]' }));
    await type.open();
    await type.clickOptions({ text: 'crossover' });
    const condition = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="rule-condition"]' }));
    expect(await condition.getValueText()).toBe('crosses above');
    await condition.open();
    expect(await Promise.all((await condition.getOptions()).map((o) => o.getText()))).toEqual(['crosses above', 'crosses below']);
  });

  it('emits the floor fields and shows the server’s errors on the fields they name', async () => {
    const { fixture, loader } = await setup();
    const saved: unknown[] = [];
    fixture.componentInstance.save.subscribe(({ body, done }) => {
      saved.push(body);
      done(
        new ApiError(422, '1 field is invalid', 'VALIDATION_FAILED', {
          threshold: ['must not be less than 0'],
          extra: ['is not a known field'],
        }),
      );
    });
    const instrument = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="rule-instrument"]' }));
    await instrument.open();
    await instrument.clickOptions({ text: /^ES/ });
    const el: HTMLElement = fixture.nativeElement;
    const threshold = el.querySelector<HTMLInputElement>('[data-testid="rule-threshold"]')!;
    threshold.value = '-5';
    threshold.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('[data-testid="rule-save"]')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(saved).toEqual([
      expect.objectContaining({
        instrument_id: 1,
        rule_type: 'threshold',
        condition: 'above',
        threshold: -5,
        cooldown_seconds: 60,
        active: true,
      }),
    ]);
    expect(el.textContent).toContain('must not be less than 0');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('extra: is not a known field');
  });
});
