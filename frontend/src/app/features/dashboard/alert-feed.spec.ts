import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatListHarness } from '@angular/material/list/testing';
import { AlertFeed } from './alert-feed';

describe('AlertFeed', () => {
  it('lists entries in the order given, or explains why it is empty', async () => {
    const fixture = TestBed.createComponent(AlertFeed);
    fixture.componentRef.setInput('alerts', []);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('No alerts yet');

    fixture.componentRef.setInput('alerts', [
      {
        id: 8,
        symbol: 'NQ',
        ruleName: 'NQ dip',
        message: 'NQ is below 20000 at 19999',
        timestamp: '2026-11-22T14:31:00.000Z',
        triggerValue: 19999,
      },
      {
        id: 7,
        symbol: 'ES',
        ruleName: 'ES breakout',
        message: 'ES is above 6100 at 6101',
        timestamp: '2026-11-22T14:30:00.000Z',
        triggerValue: 6101,
      },
    ]);
    const list = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatListHarness);
    const items = await list.getItems({ selector: '[data-testid="alert-entry"]' });
    const shown = await Promise.all(items.map(async (i) => [await i.getTitle(), await i.getSecondaryText(), await i.getTertiaryText()]));
    expect(shown).toEqual([
      ['NQ · NQ dip', 'NQ is below 20000 at 19999', '2026-11-22 14:31:00 UTC'],
      ['ES · ES breakout', 'ES is above 6100 at 6101', '2026-11-22 14:30:00 UTC'],
    ]);
  });
});
