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
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { RuleExport } from '@tradeassist/shared-types';
import { anAlertFired, anErrorBody, anInstrument, aRule } from '../../../testing/factories';
import type { FakeSocketFactory } from '../../../testing/fake-socket';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { noRulePreview } from '../../../testing/no-rule-preview';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { readText } from '../../shared/files';
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
  fires_today: 12,
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
    ({ http, sockets } = configurePageTestBed('trader', [noRulePreview]));
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
    expect(cells['fires']?.text).toEqual(['0', '12']);
    const headers = await (await loader.getHarness(MatTableHarness)).getHeaderRows();
    const labels = (await headers[0]?.getCellTextByIndex()) ?? [];
    // Beside "last fired".
    expect(labels.slice(labels.indexOf('Last fired (UTC)'), labels.indexOf('Last fired (UTC)') + 2)).toEqual([
      'Last fired (UTC)',
      'Fires today',
    ]);
    const toggles = await loader.getAllHarnesses(MatSlideToggleHarness.with({ selector: '[data-testid="rule-active-toggle"]' }));
    expect(await Promise.all(toggles.map((t) => t.isChecked()))).toEqual([true, false]);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('1 active of 2');
  });

  it('creates a rule: a 422 lands on the threshold field, the corrected save adds the row and closes the form', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="new-rule"]' }))).click();
    http.expectOne('/api/rules/templates').flush([]);
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

  it('duplicates a rule: a new rule with its settings, for another instrument, created with POST while the original stays', async () => {
    // From an open edit of another rule, which the copy replaces.
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Edit ES breakout"]' }))).click();
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Duplicate NQ fast drop"]' }))).click();
    // Now a new rule: the template picker loads (the edit did not).
    http.expectOne('/api/rules/templates').flush([]);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('New rule from NQ fast drop');
    const name = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="rule-name"]' }));
    expect(await name.getValue()).toBe('NQ fast drop (copy)');
    expect(await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="rule-window"]' }))).getValue()).toBe('30');
    const instrument = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="rule-instrument"]' }));
    expect(await instrument.getValueText()).toMatch(/^NQ/);
    await instrument.clickOptions({ text: /^ES/ });
    await name.setValue('ES fast drop');
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="rule-save"]' }))).click();

    const post = http.expectOne({ method: 'POST', url: '/api/rules' });
    expect(post.request.body).toMatchObject({
      instrument_id: 1,
      name: 'ES fast drop',
      rule_type: 'rate_of_change',
      condition: 'percent_change_down',
      threshold: 0.5,
      time_window_seconds: 30,
      cooldown_seconds: 120,
      active: false,
    });
    post.flush({ ...RATE, id: 3, name: 'ES fast drop', instrument_id: 1, instrument_symbol: 'ES', version: 1, fires_today: 0 });
    await settle();
    expect((await rowsText())['name']?.text).toEqual(['ES fast drop', 'ES breakout', 'NQ fast drop']);
    expect((await rowsText())['version']?.text).toEqual(['v1', 'v1', 'v3']);
  });

  it('describes a multi-condition rule by its tree, not by the placeholder condition and threshold', async () => {
    const toggle = (await loader.getAllHarnesses(MatSlideToggleHarness.with({ selector: '[data-testid="rule-active-toggle"]' })))[0];
    await toggle?.toggle();
    http.expectOne({ method: 'PUT', url: '/api/rules/1' }).flush(
      aRule({
        active: false,
        rule_type: 'multi_condition',
        threshold: 0,
        conditions: {
          kind: 'any',
          of: [
            { kind: 'channel', op: 'exit', lower: 1, upper: 2 },
            { kind: 'all', of: [{ kind: 'channel', op: 'enter', lower: 3, upper: 4 }] },
          ],
        },
      }),
    );
    await settle();
    const cells = await rowsText();
    expect(cells['condition']?.text[0]).toBe('any of 2 (4 nodes)');
    expect(cells['threshold']?.text[0]).toBe('—');
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

  it('moves "last fired" when the rule fires, and counts the firing when it is of today (UTC)', async () => {
    TestBed.inject(RealtimeService).connect('ws://x/ws/realtime');
    sockets.last.open();
    sockets.last.push('alert_fired', anAlertFired({ rule_id: 1, timestamp: '2026-11-22T14:45:10.000Z' }));
    await settle();
    expect((await rowsText())['last']?.text).toEqual(['2026-11-22 14:45:10', '—']);
    expect((await rowsText())['fires']?.text).toEqual(['0', '12']);
    const now = new Date().toISOString();
    sockets.last.push('alert_fired', anAlertFired({ rule_id: 2, timestamp: now }));
    await settle();
    expect((await rowsText())['fires']?.text).toEqual(['0', '13']);
  });
  describe('finding and changing many rules', () => {
    const names = async () => (await rowsText())['name']?.text;
    const el = () => fixture.nativeElement as HTMLElement;

    it('searches, filters by type and status, and sorts by a column', async () => {
      await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="rules-search"]' }))).setValue('nq');
      expect(await names()).toEqual(['NQ fast drop']);
      expect(el().textContent).toContain('1 of 2 shown');
      await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="rules-search"]' }))).setValue('');
      await (
        await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="rules-status-filter"]' }))
      ).clickOptions({
        text: 'inactive',
      });
      expect(await names()).toEqual(['NQ fast drop']);
      await (
        await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="rules-status-filter"]' }))
      ).clickOptions({
        text: 'active and inactive',
      });
      await (
        await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="rules-type-filter"]' }))
      ).clickOptions({
        text: 'crossover',
      });
      expect(el().textContent).toContain('No rule matches the search and filters.');
      await (
        await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="rules-type-filter"]' }))
      ).clickOptions({
        text: 'all types',
      });
      const fires = (await (await loader.getHarness(MatSortHarness)).getSortHeaders({ label: 'Fires today' }))[0];
      await fires?.click();
      expect(await names()).toEqual(['ES breakout', 'NQ fast drop']);
      await fires?.click();
      expect(await names()).toEqual(['NQ fast drop', 'ES breakout']);
      const version = (await (await loader.getHarness(MatSortHarness)).getSortHeaders({ label: 'Version' }))[0];
      await version?.click();
      expect((await rowsText())['version']?.text).toEqual(['v1', 'v3']);
      await version?.click();
      expect((await rowsText())['version']?.text).toEqual(['v3', 'v1']);
    });

    it('disables the selected rules in one request after confirmation, then re-reads the list', async () => {
      await (await loader.getHarness(MatCheckboxHarness.with({ selector: '[data-testid="rule-select-all"]' }))).check();
      expect(el().querySelector('[data-testid="rules-bulk"]')?.textContent).toContain('2 selected');
      await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="bulk-disable"]' }))).click();
      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      expect(await dialog.getTitleText()).toBe('Disable 2 rules?');
      expect(await dialog.getContentText()).toContain('ES breakout, NQ fast drop.');
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Disable 2 rules' }))).click();
      await settle();
      const post = http.expectOne({ method: 'POST', url: '/api/rules/bulk' });
      expect(post.request.body).toEqual({ action: 'disable', ids: [1, 2] });
      post.flush({ action: 'disable', affected: 2 });
      await settle();
      http.expectOne('/api/rules').flush([aRule({ active: false, version: 2 }), RATE]);
      await settle();
      const toggles = await loader.getAllHarnesses(MatSlideToggleHarness.with({ selector: '[data-testid="rule-active-toggle"]' }));
      expect(await Promise.all(toggles.map((t) => t.isChecked()))).toEqual([false, false]);
      expect(el().querySelector('[data-testid="rules-bulk"]')).toBeNull();
    });

    it('copies the selected rules onto chosen instruments in one request, counting the copies first', async () => {
      await (await loader.getHarness(MatCheckboxHarness.with({ selector: '[data-testid="rule-select-all"]' }))).check();
      await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="bulk-copy"]' }))).click();
      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      expect(await dialog.getTitleText()).toBe('Copy 2 rules to…');
      const ok = await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid="copy-ok"]' }));
      expect(await ok.isDisabled()).toBe(true);
      // ES breakout is on ES and NQ fast drop on NQ: onto both, each makes one copy.
      await (await dialog.getHarness(MatCheckboxHarness.with({ selector: '[data-testid="copy-to-NQ"]' }))).check();
      expect(await ok.getText()).toBe('Create 1 rule');
      await (await dialog.getHarness(MatCheckboxHarness.with({ selector: '[data-testid="copy-to-ES"]' }))).check();
      expect(await ok.getText()).toBe('Create 2 rules');
      await ok.click();
      await settle();
      const post = http.expectOne({ method: 'POST', url: '/api/rules/copy' });
      expect(post.request.body).toEqual({ ids: [1, 2], symbols: ['ES', 'NQ'] });
      post.flush({ created: 2, ids: [3, 4] });
      await settle();
      http
        .expectOne('/api/rules')
        .flush([
          aRule(),
          RATE,
          aRule({ id: 3, instrument_id: 2, instrument_symbol: 'NQ', name: 'NQ breakout' }),
          { ...RATE, id: 4, name: 'ES fast drop' },
        ]);
      await settle();
      expect(el().querySelector('[data-testid="import-result"]')?.textContent).toContain('Copied: created 2 rules.');
      expect((await rowsText())['name']?.text).toEqual(['ES breakout', 'NQ fast drop', 'NQ breakout', 'ES fast drop']);
      expect(el().querySelector('[data-testid="rules-bulk"]')).toBeNull();
    });

    it('says why a copy was refused', async () => {
      const boxes = await loader.getAllHarnesses(MatCheckboxHarness.with({ selector: '[data-testid="rule-select"]' }));
      await boxes[0]?.check();
      await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="bulk-copy"]' }))).click();
      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      await (await dialog.getHarness(MatCheckboxHarness.with({ selector: '[data-testid="copy-to-NQ"]' }))).check();
      await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid="copy-ok"]' }))).click();
      await settle();
      http.expectOne({ method: 'POST', url: '/api/rules/copy' }).flush(
        anErrorBody({
          status_code: 422,
          code: 'VALIDATION_FAILED',
          message: '1 field is invalid',
          detail: [{ loc: ['body', 'symbols', 0], msg: "unknown symbol 'NQ'", type: 'unknown_symbol' }],
        }),
        { status: 422, statusText: 'Unprocessable Entity' },
      );
      await settle();
      const result = el().querySelector('[data-testid="import-result"]')?.textContent ?? '';
      expect(result).toContain('Nothing was copied.');
      expect(el().querySelector('[data-testid="import-problem"]')?.textContent?.trim()).toBe("symbols.0: unknown symbol 'NQ'");
    });

    it('says why a bulk delete was refused, and changes nothing', async () => {
      const boxes = await loader.getAllHarnesses(MatCheckboxHarness.with({ selector: '[data-testid="rule-select"]' }));
      await boxes[1]?.check();
      await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="bulk-delete"]' }))).click();
      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete 1 rule' }))).click();
      await settle();
      const post = http.expectOne({ method: 'POST', url: '/api/rules/bulk' });
      expect(post.request.body).toEqual({ action: 'delete', ids: [2] });
      post.flush(anErrorBody({ status_code: 403, code: 'FORBIDDEN', message: 'Rule 2 belongs to another user; nothing was changed' }), {
        status: 403,
        statusText: 'Forbidden',
      });
      await settle();
      expect(el().querySelector('[data-testid="rules-error"]')?.textContent).toContain('Rule 2 belongs to another user');
      expect(await names()).toEqual(['ES breakout', 'NQ fast drop']);
    });

    it('exports every rule as a JSON download', async () => {
      const createObjectURL = jest.fn(() => 'blob:rules');
      Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
      const clicked: HTMLAnchorElement[] = [];
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
      await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="rules-export"]' }))).click();
      const file: RuleExport = { format: 'tradeassist.rules', version: 1, exported_at: '2026-12-01T00:30:00.000Z', rules: [] };
      http.expectOne({ method: 'GET', url: '/api/rules/export' }).flush(file);
      await settle();
      expect(clicked.map((a) => [a.download, a.href])).toEqual([['tradeassist-rules-2026-12-01.json', 'blob:rules']]);
      const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
      expect(JSON.parse(await readText(blob))).toEqual(file);
      jest.restoreAllMocks();
    });

    const chooseFile = async (content: string) => {
      const input = el().querySelector<HTMLInputElement>('[data-testid="rules-import-file"]')!;
      Object.defineProperty(input, 'files', {
        value: [new File([content], 'rules.json', { type: 'application/json' })],
        configurable: true,
      });
      input.dispatchEvent(new Event('change'));
      // FileReader answers on a later task than the promise chain settle() waits for.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await settle();
    };
    const exported = (name: string, symbol: string) => ({ symbol, name, rule_type: 'threshold', condition: 'above', threshold: 1 });

    it('imports a file: a refusal lists each bad entry by its place, a success adds the rules', async () => {
      await chooseFile(JSON.stringify({ format: 'tradeassist.rules', version: 1, rules: [exported('A', 'ES'), exported('B', 'ZZ')] }));
      const first = http.expectOne({ method: 'POST', url: '/api/rules/import' });
      expect(first.request.body).toEqual({ rules: [exported('A', 'ES'), exported('B', 'ZZ')] });
      first.flush(
        anErrorBody({
          status_code: 422,
          code: 'VALIDATION_FAILED',
          message: '2 fields are invalid',
          detail: [
            { loc: ['body', 'rules', 1, 'symbol'], msg: 'no instrument ZZ', type: 'exists' },
            { loc: ['body', 'rules', 1, 'threshold'], msg: 'must be a number', type: 'isNumber' },
          ],
        }),
        { status: 422, statusText: 'Unprocessable Entity' },
      );
      await settle();
      const result = el().querySelector('[data-testid="import-result"]');
      expect(result?.textContent).toContain('Nothing was imported. 2 fields are invalid');
      expect(Array.from(el().querySelectorAll('[data-testid="import-problem"]'), (li) => li.textContent?.trim())).toEqual([
        'Rule 2 (B on ZZ): symbol: no instrument ZZ; threshold: must be a number',
      ]);

      await chooseFile(JSON.stringify([exported('A', 'ES')]));
      http.expectOne({ method: 'POST', url: '/api/rules/import' }).flush({ created: 1, ids: [3] }, { status: 201, statusText: 'Created' });
      await settle();
      http.expectOne('/api/rules').flush([aRule(), RATE, aRule({ id: 3, name: 'A' })]);
      await settle();
      expect(el().querySelector('[data-testid="import-result"] .text')?.textContent?.trim()).toBe('Imported 1 rule.');
      expect(await names()).toEqual(['ES breakout', 'NQ fast drop', 'A']);
    });

    it('refuses a file that is not an export before sending it', async () => {
      await chooseFile('{"not": "rules"}');
      expect(el().querySelector('[data-testid="import-result"]')?.textContent).toContain(
        'rules.json: The file has no "rules" list: choose a file made by Export',
      );
    });
  });
});
