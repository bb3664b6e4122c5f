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
import { newTree } from './condition-tree';

describe('ConditionTreeFields', () => {
  let fixture: ComponentFixture<ConditionTreeFields>;
  let loader: HarnessLoader;
  const select = (testid: string) => loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${testid}"]` }));
  const input = (testid: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${testid}"]` }));
  const button = (testid: string) => loader.getHarness(MatButtonHarness.with({ selector: `[data-testid="${testid}"]` }));
  const tree = () => fixture.componentInstance.tree();

  const start = async (value: ConditionNode | null) => {
    TestBed.configureTestingModule({ providers: [noAnimations] });
    fixture = TestBed.createComponent(ConditionTreeFields);
    fixture.componentRef.setInput('tree', value);
    await fixture.whenStable();
    loader = TestbedHarnessEnvironment.loader(fixture);
  };

  it('builds any-of a price level, a channel and a move', async () => {
    await start(newTree());
    await (await select('rule-tree-kind')).clickOptions({ text: 'any of these holds' });
    await (await select('rule-tree-condition-0')).clickOptions({ text: 'price crosses below' });
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

  it('puts the server messages on the leaf fields they name', async () => {
    await start({ kind: 'all', of: [{ kind: 'channel', op: 'inside', lower: 6100, upper: 5900 }] });
    fixture.componentRef.setInput('errors', { 'of.0.upper': ['must be a number above lower'], of: ['at most 32 nodes'] });
    await fixture.whenStable();
    const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    expect(await (await field('Upper')).getTextErrors()).toEqual(['must be a number above lower']);
    expect(await (await field('Lower')).getTextErrors()).toEqual([]);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-tree-error"]')?.textContent?.trim()).toBe(
      'at most 32 nodes',
    );
    expect(await (await button('rule-tree-remove-0')).isDisabled()).toBe(true);
  });

  it.each<[string, ConditionNode]>([
    [
      'an indicator leaf',
      {
        kind: 'all',
        of: [{ kind: 'rule', rule_type: 'threshold', condition: 'above', threshold: 70, subject: { kind: 'rsi', period: 14 } }],
      },
    ],
    [
      'a rate of change leaf',
      { kind: 'any', of: [{ kind: 'rule', rule_type: 'rate_of_change', condition: 'percent_change_up', threshold: 1 }] },
    ],
  ])('keeps a tree with %s as it is', async (_, kept) => {
    await start(kept);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-tree-note"]')).not.toBeNull();
    expect(tree()).toBe(kept);
  });

  it('leaves nested groups alone and says so', async () => {
    const nested: ConditionNode = { kind: 'all', of: [{ kind: 'any', of: [{ kind: 'channel', op: 'enter', lower: 1, upper: 2 }] }] };
    await start(nested);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-tree-note"]')?.textContent).toContain('nested groups');
    expect(await loader.getAllHarnesses(MatSelectHarness)).toHaveLength(0);
    expect(tree()).toBe(nested);
  });
});
