import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { MarketSession } from '@tradeassist/shared-types';
import { noAnimations } from '../../../../testing/no-animations';
import { RuleSessionFields } from './session-fields';

describe('RuleSessionFields', () => {
  let fixture: ComponentFixture<RuleSessionFields>;
  let loader: HarnessLoader;
  const byTestid = <T>(type: { with: (o: { selector: string }) => T }, testid: string) =>
    type.with({ selector: `[data-testid="${testid}"]` });
  const session = () => fixture.componentInstance.session();

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [noAnimations] });
    fixture = TestBed.createComponent(RuleSessionFields);
    fixture.componentRef.setInput('session', null);
    await fixture.whenStable();
    loader = TestbedHarnessEnvironment.loader(fixture);
  });

  it('sends null for always and {kind: regular} for US regular hours', async () => {
    const kind = await loader.getHarness(byTestid(MatSelectHarness, 'rule-session-kind'));
    expect(await kind.getValueText()).toBe('always');
    await kind.clickOptions({ text: /^US regular hours/ });
    expect(session()).toEqual({ kind: 'regular' });
    await kind.clickOptions({ text: 'always' });
    expect(session()).toBeNull();
  });

  it('edits custom windows: timezone with suggestions, days, times, more windows', async () => {
    await (await loader.getHarness(byTestid(MatSelectHarness, 'rule-session-kind'))).clickOptions({ text: 'custom windows' });
    // No timezone of its own: the instrument's.
    expect(session()).toEqual({ kind: 'custom', windows: [{ days: [1, 2, 3, 4, 5], start: '09:30', end: '16:00' }] });

    const zone = await loader.getHarness(MatAutocompleteHarness);
    await zone.clear();
    await zone.enterText('london');
    expect(await Promise.all((await zone.getOptions()).map((o) => o.getText()))).toEqual(['Europe/London']);
    await zone.selectOption({ text: 'Europe/London' });

    await (await loader.getHarness(byTestid(MatCheckboxHarness, 'rule-session-day-0-5'))).uncheck();
    await (await loader.getHarness(byTestid(MatInputHarness, 'rule-session-start-0'))).setValue('08:00');
    await (await loader.getHarness(byTestid(MatButtonHarness, 'rule-session-add'))).click();
    await (await loader.getHarness(byTestid(MatInputHarness, 'rule-session-end-1'))).setValue('12:00');
    expect(session()).toEqual({
      kind: 'custom',
      timezone: 'Europe/London',
      windows: [
        { days: [1, 2, 3, 4], start: '08:00', end: '16:00' },
        { days: [1, 2, 3, 4, 5], start: '09:30', end: '12:00' },
      ],
    });

    await (await loader.getHarness(byTestid(MatButtonHarness, 'rule-session-remove-0'))).click();
    expect((session() as Extract<MarketSession, { kind: 'custom' }>).windows).toEqual([
      { days: [1, 2, 3, 4, 5], start: '09:30', end: '12:00' },
    ]);
    expect(await (await loader.getHarness(byTestid(MatButtonHarness, 'rule-session-remove-0'))).isDisabled()).toBe(true);
  });

  it("leaves the timezone out when blank, meaning the instrument's, and says which one that is", async () => {
    const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    await (await loader.getHarness(byTestid(MatSelectHarness, 'rule-session-kind'))).clickOptions({ text: 'custom windows' });
    expect(await (await field('Timezone (IANA)')).getTextHints()).toEqual(["Blank: the instrument's timezone"]);
    fixture.componentRef.setInput('instrument', { symbol: 'FDAX', timezone: 'Europe/Berlin' });
    await fixture.whenStable();
    expect(await (await field('Timezone (IANA)')).getTextHints()).toEqual(["Blank: the instrument's timezone (FDAX: Europe/Berlin)"]);

    const zone = await loader.getHarness(byTestid(MatInputHarness, 'rule-session-timezone'));
    await zone.setValue('Asia/Tokyo');
    expect(session()).toMatchObject({ kind: 'custom', timezone: 'Asia/Tokyo' });
    await zone.setValue('  ');
    expect(session()).not.toHaveProperty('timezone');

    // A name the browser does not know is flagged before the server is asked.
    await zone.setValue('Mars/Olympus');
    await zone.blur();
    expect(await (await field('Timezone (IANA)')).getTextErrors()).toEqual(['Unknown timezone: use an IANA name such as Europe/London']);
  });

  it('shows the server messages on the fields they name', async () => {
    fixture.componentRef.setInput('session', {
      kind: 'custom',
      timezone: 'Mars/Olympus',
      windows: [{ days: [], start: '16:00', end: '09:30' }],
    });
    fixture.componentRef.setInput('errors', {
      timezone: ['must be an IANA timezone such as America/New_York'],
      'windows.0.end': ['must be after start'],
      'windows.0.days': ['must name at least one day'],
    });
    await fixture.whenStable();
    const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    expect(await (await field('Timezone (IANA)')).getTextErrors()).toEqual(['must be an IANA timezone such as America/New_York']);
    expect(await (await field('To')).getTextErrors()).toEqual(['must be after start']);
    expect(await (await field('From')).getTextErrors()).toEqual([]);
    const days = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-session-window-error-0"]');
    expect(days?.textContent?.trim()).toBe('must name at least one day');
  });
});
