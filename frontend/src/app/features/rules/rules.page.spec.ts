import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { anAlertFired, anErrorBody, anInstrument, aRule } from '../../../testing/factories';
import type { FakeSocketFactory } from '../../../testing/fake-socket';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { RulesPage } from './rules.page';

const RATE = aRule({
  id: 2,
  name: 'NQ fast drop',
  instrument_id: 2,
  instrument_symbol: 'NQ',
  rule_type: 'rate_of_change',
  condition: 'percent_change_down',
  threshold: 0.5,
  time_window_seconds: 30,
  cooldown_seconds: 120,
  version: 3,
  active: false,
});

describe('RulesPage', () => {
  let fixture: ComponentFixture<RulesPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let sockets: FakeSocketFactory;

  /** Lets a flushed response travel through the promise chain to the store, then renders. */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const rowsText = async () =>
    (await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName()) as Record<string, { text: string[] }>;

  beforeEach(async () => {
    ({ http, sockets } = configurePageTestBed('trader'));
    fixture = TestBed.createComponent(RulesPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    fixture.detectChanges();
    http.expectOne('/api/rules').flush([aRule(), RATE]);
    http.expectOne('/api/instruments').flush([anInstrument(), anInstrument({ id: 2, symbol: 'NQ', name: 'E-mini Nasdaq-100' })]);
    await settle();
  });

  afterEach(() => {
    TestBed.inject(RealtimeService).disconnect();
    http.verify();
  });

  it('lists the rules with the floor columns in words', async () => {
    const cells = await rowsText();
    expect(cells['name']?.text).toEqual(['ES breakout', 'NQ fast drop']);
    expect(cells['symbol']?.text).toEqual(['ES', 'NQ']);
    expect(cells['type']?.text).toEqual(['threshold', 'rate of change']);
    expect(cells['condition']?.text).toEqual(['above', 'down by % in window (30 s)']);
    expect(cells['threshold']?.text).toEqual(['6,100.00', '0.5 %']);
    expect(cells['cooldown']?.text).toEqual(['60 s', '120 s']);
    expect(cells['version']?.text).toEqual(['v1', 'v3']);
    const toggles = await loader.getAllHarnesses(MatSlideToggleHarness.with({ selector: '[data-testid="rule-active-toggle"]' }));
    expect(await Promise.all(toggles.map((t) => t.isChecked()))).toEqual([true, false]);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('1 active of 2');
  });

  it('creates a rule: a 422 lands on the threshold field, the corrected save adds the row and closes the form', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="new-rule"]' }))).click();
    await (await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="rule-instrument"]' }))).clickOptions({ text: /^NQ/ });
    const threshold = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="rule-threshold"]' }));
    await threshold.setValue('1e400');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="rule-name"]' }))).setValue('NQ moon');
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="rule-save"]' }))).click();

    const first = http.expectOne({ method: 'POST', url: '/api/rules' });
    expect(first.request.body).toMatchObject({ instrument_id: 2, rule_type: 'threshold', condition: 'above', name: 'NQ moon' });
    first.flush(
      anErrorBody({
        status_code: 422,
        code: 'VALIDATION_FAILED',
        message: '1 field is invalid',
        detail: [{ loc: ['body', 'threshold'], msg: 'must be a finite number', type: 'isNumber' }],
      }),
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Price level' }));
    expect(await field.getTextErrors()).toEqual(['must be a finite number']);

    await threshold.setValue('25000');
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="rule-save"]' }))).click();
    http
      .expectOne({ method: 'POST', url: '/api/rules' })
      .flush(aRule({ id: 3, name: 'NQ moon', instrument_id: 2, instrument_symbol: 'NQ', threshold: 25000 }));
    await settle();
    expect(await loader.getAllHarnesses(MatSelectHarness.with({ selector: '[data-testid="rule-instrument"]' }))).toHaveLength(0);
    expect((await rowsText())['name']?.text).toEqual(['NQ moon', 'ES breakout', 'NQ fast drop']);
  });

  it('edits a rule with PUT and shows a 404 from the server in the form', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Edit NQ fast drop"]' }))).click();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Edit NQ fast drop (v3)');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="rule-window"]' }))).setValue('90');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save changes' }))).click();
    const put = http.expectOne({ method: 'PUT', url: '/api/rules/2' });
    expect(put.request.body).toMatchObject({ rule_type: 'rate_of_change', time_window_seconds: 90, threshold: 0.5, active: false });
    put.flush(anErrorBody({ status_code: 404, code: 'RULE_NOT_FOUND', message: 'Alert rule 2 not found' }), {
      status: 404,
      statusText: 'Not Found',
    });
    await settle();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-form-error"]')?.textContent).toContain(
      'Alert rule 2 not found',
    );
  });

  it('toggles a rule with PUT {active}', async () => {
    const toggle = (await loader.getAllHarnesses(MatSlideToggleHarness.with({ selector: '[data-testid="rule-active-toggle"]' })))[1];
    await toggle?.toggle();
    const put = http.expectOne({ method: 'PUT', url: '/api/rules/2' });
    expect(put.request.body).toEqual({ active: true });
    put.flush({ ...RATE, active: true, version: 4 });
    await settle();
    expect((await rowsText())['version']?.text).toEqual(['v1', 'v4']);
  });

  it('deletes after confirmation', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Delete ES breakout"]' }))).click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Delete ES breakout?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete rule' }))).click();
    await settle();
    http.expectOne({ method: 'DELETE', url: '/api/rules/1' }).flush({ message: 'Alert rule 1 deleted successfully' });
    await settle();
    expect((await rowsText())['name']?.text).toEqual(['NQ fast drop']);
  });

  it('moves "last triggered" when the rule fires', async () => {
    TestBed.inject(RealtimeService).connect('ws://x/ws/realtime');
    sockets.last.open();
    sockets.last.push('alert_fired', anAlertFired({ rule_id: 1, timestamp: '2026-11-22T14:45:10.000Z' }));
    await settle();
    expect((await rowsText())['last']?.text).toEqual(['2026-11-22 14:45:10', '—']);
  });
});
