import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { ConditionNode } from '@tradeassist/shared-types';
import { noAnimations } from '../../../../testing/no-animations';
import { ConditionTreeFields } from './condition-tree-fields';
import { countNodes, newTree } from './condition-tree';

const band = (lower: number): ConditionNode => ({ kind: 'channel', op: 'inside', lower, upper: lower + 10 });

describe('ConditionTreeFields', () => {
  let fixture: ComponentFixture<ConditionTreeFields>;
  let loader: HarnessLoader;
  const by = (testid: string) => ({ selector: `[data-testid="${testid}"]` });
  const select = (testid: string) => loader.getHarness(MatSelectHarness.with(by(testid)));
  const input = (testid: string) => loader.getHarness(MatInputHarness.with(by(testid)));
  const button = (testid: string) => loader.getHarness(MatButtonHarness.with(by(testid)));
  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const text = (testid: string) =>
    (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${testid}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
  const tree = () => fixture.componentInstance.tree();

  const start = async (value: ConditionNode | null) => {
    TestBed.configureTestingModule({ providers: [noAnimations] });
    fixture = TestBed.createComponent(ConditionTreeFields);
    fixture.componentRef.setInput('tree', value);
    await fixture.whenStable();
    loader = TestbedHarnessEnvironment.loader(fixture);
  };
  const showErrors = async (errors: Record<string, string[]>) => {
    fixture.componentRef.setInput('errors', errors);
    await fixture.whenStable();
  };

  it('builds any-of a price level, a channel and a move', async () => {
    await start(newTree());
    await (await select('rule-tree-kind')).clickOptions({ text: 'any of these holds (OR)' });
    await (await select('rule-tree-condition-0')).clickOptions({ text: 'crosses below' });
    await (await input('rule-tree-threshold-0')).setValue('5990');
    await (await button('rule-tree-add')).click();
    await (await select('rule-tree-leaf-kind-1')).clickOptions({ text: 'channel' });
    await (await select('rule-tree-op-1')).clickOptions({ text: 'leaves' });
    await (await input('rule-tree-lower-1')).setValue('5950');
    await (await input('rule-tree-upper-1')).setValue('6050');
    await (await button('rule-tree-add')).click();
    await (await select('rule-tree-leaf-kind-2')).clickOptions({ text: 'move' });
    await (await select('rule-tree-move-2')).clickOptions({ text: 'down by points' });
    await (await input('rule-tree-by-2')).setValue('12');
    await (await select('rule-tree-within-unit-2')).clickOptions({ text: 'bars' });
    await (await input('rule-tree-within_bars-2')).setValue('5');
    expect(tree()).toEqual({
      kind: 'any',
      of: [
        { kind: 'rule', rule_type: 'crossover', condition: 'crosses_below', threshold: 5990 },
        { kind: 'channel', op: 'exit', lower: 5950, upper: 6050 },
        { kind: 'move', direction: 'down', by: 12, unit: 'value', within_bars: 5 },
      ],
    });

    await (await button('rule-tree-remove-0')).click();
    expect((tree() as { of: ConditionNode[] }).of.map((n) => n.kind)).toEqual(['channel', 'move']);
  });

  it('nests groups, edits inside them, and removes a whole group', async () => {
    await start({ kind: 'all', of: [band(100)] });
    await (await button('rule-tree-add-group')).click();
    // A sub-group of an all-group starts as any: the same junction again would change nothing.
    expect(await (await select('rule-tree-kind-1')).getValueText()).toBe('any of these holds (OR)');
    await (await input('rule-tree-threshold-1-0')).setValue('105');
    await (await button('rule-tree-add-1')).click();
    await (await select('rule-tree-leaf-kind-1-1')).clickOptions({ text: 'move' });
    await (await input('rule-tree-by-1-1')).setValue('2');
    await (await button('rule-tree-add-group-1')).click();
    await (await select('rule-tree-condition-1-2-0')).clickOptions({ text: 'below' });
    await (await input('rule-tree-threshold-1-2-0')).setValue('90');
    expect(tree()).toEqual({
      kind: 'all',
      of: [
        band(100),
        {
          kind: 'any',
          of: [
            { kind: 'rule', rule_type: 'threshold', condition: 'above', threshold: 105 },
            { kind: 'move', direction: 'up', by: 2, unit: 'percent', within_seconds: 300 },
            { kind: 'all', of: [{ kind: 'rule', rule_type: 'threshold', condition: 'below', threshold: 90 }] },
          ],
        },
      ],
    });
    expect(text('rule-tree-size')).toBe('7 of 32 conditions (groups count too), 4 of 4 levels.');
    // Labels say where a condition sits.
    expect(await (await select('rule-tree-leaf-kind-1-2-0')).getValueText()).toBe('level or indicator');
    expect(await (await field('Condition 2.3.1')).getControl()).toBeTruthy();

    // The only child of a group cannot go (a group needs one); a group among others can.
    expect(await (await button('rule-tree-remove-1-2-0')).isDisabled()).toBe(true);
    await (await button('rule-tree-remove-1-2')).click();
    expect((tree() as { of: { of?: ConditionNode[] }[] }).of[1]?.of?.map((n) => n.kind)).toEqual(['rule', 'move']);
    await (await button('rule-tree-remove-1')).click();
    expect(tree()).toEqual({ kind: 'all', of: [band(100)] });
  });

  it('offers no group below level 3 and says why', async () => {
    await start({ kind: 'all', of: [{ kind: 'any', of: [{ kind: 'all', of: [band(1)] }] }] });
    expect(await (await button('rule-tree-add-group')).isDisabled()).toBe(false);
    expect(await (await button('rule-tree-add-group-0')).isDisabled()).toBe(false);
    const deepest = await button('rule-tree-add-group-0-0');
    expect(await deepest.isDisabled()).toBe(true);
    expect(await (await deepest.host()).getAttribute('aria-describedby')).toBe('rule-tree-nest-hint-0-0');
    expect(text('rule-tree-nest-hint-0-0')).toBe('Groups nest 4 levels deep at most: add conditions here instead.');
    // Conditions still go in.
    await (await button('rule-tree-add-0-0')).click();
    expect(text('rule-tree-size')).toBe('5 of 32 conditions (groups count too), 4 of 4 levels.');
  });

  it('stops adding at 32 nodes: a group needs room for two', async () => {
    // The root and 30 channels: 31 nodes, room for one more condition but not a group with its condition.
    await start({ kind: 'all', of: Array.from({ length: 30 }, (_, i) => band(i)) });
    expect(await (await button('rule-tree-add-group')).isDisabled()).toBe(true);
    await (await button('rule-tree-add')).click();
    expect(countNodes(tree() as ConditionNode)).toBe(32);
    expect(await (await button('rule-tree-add')).isDisabled()).toBe(true);
    expect(text('rule-tree-size')).toBe(
      '32 of 32 conditions (groups count too), 2 of 4 levels. The tree is full: remove a condition to add another.',
    );
    await (await button('rule-tree-remove-0')).click();
    expect(await (await button('rule-tree-add')).isDisabled()).toBe(false);
  });

  it('puts the server messages on the node they locate, at any depth', async () => {
    await start({
      kind: 'any',
      of: [
        { kind: 'channel', op: 'inside', lower: 110, upper: 100 },
        {
          kind: 'all',
          of: [
            { kind: 'rule', rule_type: 'threshold', condition: 'above', threshold: 1, subject: { kind: 'rsi', period: 5000 } },
            { kind: 'move', direction: 'up', by: 1, unit: 'value', within_seconds: 60 },
          ],
        },
      ],
    });
    await showErrors({
      '': ['has 40 conditions; at most 32'],
      'of.0.upper': ['must be a number above lower'],
      'of.1': ['nests deeper than 4 levels'],
      'of.1.of.0.condition': ["condition 'crosses_above' does not apply to rule_type 'threshold'"],
      'of.1.of.0.subject.period': ['must not be greater than 1000'],
      'of.1.of.1': ['needs exactly one of within_seconds and within_bars'],
      'of.1.of.1.color': ['is not a known field'],
    });
    expect(text('rule-tree-error')).toBe('has 40 conditions; at most 32');
    expect(await (await field('Upper')).getTextErrors()).toEqual(['must be a number above lower']);
    expect(await (await field('Lower')).getTextErrors()).toEqual([]);
    expect(text('rule-tree-error-1')).toBe('nests deeper than 4 levels');
    expect(await (await field('When')).getTextErrors()).toEqual(["condition 'crosses_above' does not apply to rule_type 'threshold'"]);
    expect(await (await field('Period (bars)')).getTextErrors()).toEqual(['must not be greater than 1000']);
    const moveMessages = (fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="rule-tree-error-1-1"]');
    expect(Array.from(moveMessages, (p) => p.textContent?.trim())).toEqual([
      'needs exactly one of within_seconds and within_bars',
      'color: is not a known field',
    ]);
  });

  it('edits indicator and rate-of-change conditions', async () => {
    await start(newTree());
    await (await select('rule-tree-subject-0-kind')).clickOptions({ text: /^RSI/ });
    expect(await (await field('Level of RSI(14)')).getControl()).toBeTruthy();
    await (await input('rule-tree-threshold-0')).setValue('70');
    await (await button('rule-tree-add')).click();
    await (await select('rule-tree-condition-1')).clickOptions({ text: 'crosses above' });
    await (await select('rule-tree-against-1-kind')).clickOptions({ text: /^SMA/ });
    await (await input('rule-tree-against-1-period')).setValue('50');
    // Compared with an indicator, the leaf has no level to ask for.
    expect(await loader.getAllHarnesses(MatInputHarness.with(by('rule-tree-threshold-1')))).toHaveLength(0);
    await (await button('rule-tree-add')).click();
    await (await select('rule-tree-condition-2')).clickOptions({ text: 'up by % in window' });
    // Rate of change compares no indicators.
    expect(await loader.getAllHarnesses(MatSelectHarness.with(by('rule-tree-subject-2-kind')))).toHaveLength(0);
    await (await input('rule-tree-threshold-2')).setValue('0.5');
    await (await input('rule-tree-time_window_seconds-2')).setValue('30');
    expect(tree()).toEqual({
      kind: 'all',
      of: [
        { kind: 'rule', rule_type: 'threshold', condition: 'above', threshold: 70, subject: { kind: 'rsi', period: 14 } },
        { kind: 'rule', rule_type: 'crossover', condition: 'crosses_above', threshold: null, against: { kind: 'sma', period: 50 } },
        { kind: 'rule', rule_type: 'rate_of_change', condition: 'percent_change_up', threshold: 0.5, time_window_seconds: 30 },
      ],
    });
    // Back to the price: the operand key goes, not a null.
    await (await select('rule-tree-subject-0-kind')).clickOptions({ text: 'the price' });
    expect((tree() as { of: ConditionNode[] }).of[0]).toEqual({ kind: 'rule', rule_type: 'threshold', condition: 'above', threshold: 70 });
  });

  it('shows a lone condition as the one condition of an all-group, unchanged until edited', async () => {
    const lone: ConditionNode = { kind: 'channel', op: 'enter', lower: 1, upper: 2 };
    await start(lone);
    expect(await (await select('rule-tree-kind')).getValueText()).toBe('all of these hold (AND)');
    expect(await (await select('rule-tree-op-0')).getValueText()).toBe('enters');
    expect(tree()).toBe(lone);
    await showErrors({ upper: ['must be a number above lower'] });
    expect(await (await field('Upper')).getTextErrors()).toEqual(['must be a number above lower']);
    await (await input('rule-tree-upper-0')).setValue('3');
    expect(tree()).toEqual({ kind: 'all', of: [{ ...lone, upper: 3 }] });
  });
});
