import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HarnessLoader } from '@angular/cdk/testing';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { anErrorBody, anInstrument, aTick, aUser } from '../../../testing/factories';
import type { FakeSocketFactory } from '../../../testing/fake-socket';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { AuthService } from '../../core/auth/auth.service';
import { QuoteBook } from '../../core/realtime/quote-book';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { InstrumentsPage } from './instruments.page';

const ES = anInstrument();
const NQ = anInstrument({ id: 2, symbol: 'NQ', name: 'E-mini Nasdaq-100', last_price: 21000, timezone: 'Europe/London' });

describe('InstrumentsPage', () => {
  let fixture: ComponentFixture<InstrumentsPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let overlay: HarnessLoader;
  let sockets: FakeSocketFactory;

  /** Lets a flushed response travel through the promise chain to the store, then renders. */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  beforeEach(async () => {
    ({ http, sockets } = configurePageTestBed('trader'));
    fixture = TestBed.createComponent(InstrumentsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
    fixture.detectChanges();
    http.expectOne('/api/instruments').flush([ES, NQ]);
    await settle();
  });

  afterEach(() => {
    TestBed.inject(RealtimeService).disconnect();
    http.verify();
  });

  it('lists the instruments with status, last price and last tick, kept current by the feed', async () => {
    const table = await loader.getHarness(MatTableHarness);
    expect(await table.getCellTextByColumnName()).toMatchObject({
      symbol: { text: ['ES', 'NQ'] },
      name: { text: ['E-mini S&P 500', 'E-mini Nasdaq-100'] },
      type: { text: ['future', 'future'] },
      timezone: { text: ['America/New_York', 'Europe/London'] },
      status: { text: ['active', 'active'] },
      last: { text: ['6,000.00', '21,000.00'] },
      tick: { text: ['2026-11-22 14:29:59', '2026-11-22 14:29:59'] },
    });
    TestBed.inject(QuoteBook).start();
    TestBed.inject(RealtimeService).connect('ws://x/ws/realtime');
    sockets.last.open();
    sockets.last.push('tick_update', aTick({ price: 6003.25, timestamp: '2026-11-22T14:31:02.000Z' }));
    await settle();
    const cells = await table.getCellTextByColumnName();
    expect(cells['last']?.text[0]).toBe('6,003.25');
    expect(cells['tick']?.text[0]).toBe('2026-11-22 14:31:02');
  });

  it('adds an instrument through the dialog and shows the server’s refusal there', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: /Add instrument/ }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="instrument-symbol"]' }))).setValue('es');
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="instrument-name"]' }))).setValue('Again');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Add instrument' }))).click();
    const post = http.expectOne({ method: 'POST', url: '/api/instruments' });
    expect(post.request.body).toEqual({ symbol: 'es', name: 'Again', type: 'future', timezone: 'America/New_York' });
    post.flush(anErrorBody({ message: "Instrument with symbol 'ES' already exists" }), { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(await dialog.getText()).toContain("Instrument with symbol 'ES' already exists");

    await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="instrument-symbol"]' }))).setValue('ZZ');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Add instrument' }))).click();
    http
      .expectOne({ method: 'POST', url: '/api/instruments' })
      .flush(anInstrument({ id: 13, symbol: 'ZZ', name: 'Again', last_price: null }));
    await settle();
    expect(await overlay.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    const table = await loader.getHarness(MatTableHarness);
    expect((await table.getCellTextByColumnName())['symbol']?.text).toEqual(['ES', 'NQ', 'ZZ']);
  });

  it('adds an instrument in its market timezone, with the server’s message on that field', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: /Add instrument/ }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    const input = (testid: string) => dialog.getHarness(MatInputHarness.with({ selector: `[data-testid="${testid}"]` }));
    const save = () => dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid="instrument-save"]' }));
    await (await input('instrument-symbol')).setValue('FDAX');
    await (await input('instrument-name')).setValue('DAX future');
    const zone = await dialog.getHarness(MatAutocompleteHarness);
    await zone.clear();
    await zone.enterText('berlin');
    await zone.selectOption({ text: 'Europe/Berlin' });
    await (await save()).click();
    const post = http.expectOne({ method: 'POST', url: '/api/instruments' });
    expect(post.request.body).toEqual({ symbol: 'FDAX', name: 'DAX future', type: 'future', timezone: 'Europe/Berlin' });
    post.flush(
      anErrorBody({
        status_code: 422,
        code: 'VALIDATION_FAILED',
        message: '1 field is invalid',
        detail: [{ loc: ['body', 'timezone'], msg: 'must be an IANA timezone such as America/New_York', type: 'timezone' }],
      }),
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    const zoneField = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Market timezone (IANA)' }));
    expect(await zoneField.getTextErrors()).toEqual(['must be an IANA timezone such as America/New_York']);
    expect(Array.from(document.querySelectorAll('ta-instrument-dialog p.error'), (p) => p.textContent?.trim())).toEqual([
      '1 field is invalid',
    ]);

    // A name the browser cannot read is not sent at all.
    await zone.clear();
    await zone.enterText('Mars/Olympus');
    expect(await (await save()).isDisabled()).toBe(true);
    http.expectNone({ method: 'POST' });
  });

  it('edits the name and timezone of an instrument, not its symbol or type', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Edit NQ"]' }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Edit NQ');
    const symbol = await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="instrument-symbol"]' }));
    expect(await symbol.isDisabled()).toBe(true);
    const zone = await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid="instrument-timezone"]' }));
    expect(await zone.getValue()).toBe('Europe/London');
    await zone.setValue('America/Chicago');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save changes' }))).click();
    const put = http.expectOne({ method: 'PUT', url: '/api/instruments/2' });
    expect(put.request.body).toEqual({ name: 'E-mini Nasdaq-100', timezone: 'America/Chicago' });
    put.flush({ ...NQ, timezone: 'America/Chicago' });
    await settle();
    expect(await overlay.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    const cells = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(cells['timezone']?.text).toEqual(['America/New_York', 'America/Chicago']);
  });

  it('switches streaming off with PUT {status}, and puts the toggle back when the server refuses', async () => {
    const esToggle = await loader.getHarness(MatSlideToggleHarness.with({ selector: '[data-testid="instrument-status-ES"]' }));
    await esToggle.toggle();
    const put = http.expectOne({ method: 'PUT', url: '/api/instruments/1' });
    expect(put.request.body).toEqual({ status: 'inactive' });
    put.flush({ ...ES, status: 'inactive' });
    await settle();
    expect(await esToggle.isChecked()).toBe(false);
    expect(await esToggle.getLabelText()).toBe('inactive');

    const nqToggle = await loader.getHarness(MatSlideToggleHarness.with({ selector: '[data-testid="instrument-status-NQ"]' }));
    await nqToggle.toggle();
    http
      .expectOne({ method: 'PUT', url: '/api/instruments/2' })
      .flush(anErrorBody({ status_code: 403, message: 'Your role cannot change instruments' }), { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(await nqToggle.isChecked()).toBe(true);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="instruments-error"]')?.textContent).toContain(
      'Your role cannot change instruments',
    );
  });

  it('deletes only after the confirmation', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Delete NQ"]' }))).click();
    let dialog = await overlay.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Delete NQ?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await settle();
    http.expectNone({ method: 'DELETE' });

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Delete NQ"]' }))).click();
    dialog = await overlay.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete NQ' }))).click();
    await settle();
    http.expectOne({ method: 'DELETE', url: '/api/instruments/2' }).flush({ message: 'Instrument 2 deleted successfully' });
    await settle();
    const table = await loader.getHarness(MatTableHarness);
    expect((await table.getCellTextByColumnName())['symbol']?.text).toEqual(['ES']);
  });

  it('hides every write control from a viewer', async () => {
    TestBed.inject(AuthService).user.set(aUser('viewer'));
    await settle();
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Add instrument/ }))).toHaveLength(0);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[aria-label^="Delete"]' }))).toHaveLength(0);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[aria-label^="Edit"]' }))).toHaveLength(0);
    const toggles = await loader.getAllHarnesses(MatSlideToggleHarness);
    expect(await Promise.all(toggles.map((t) => t.isDisabled()))).toEqual([true, true]);
  });
});
