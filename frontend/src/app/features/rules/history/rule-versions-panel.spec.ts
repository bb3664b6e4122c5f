import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import type { RuleFields, RuleVersion } from '@tradeassist/shared-types';
import { anErrorBody, anInstrument, aRuleDefinition } from '../../../../testing/factories';
import { configurePageTestBed } from '../../../../testing/page-test-bed';
import { RuleVersionsPanel } from './rule-versions-panel';
import { versionChanges } from './version-changes';

const V1 = aRuleDefinition();
const V2: RuleFields = { ...V1, threshold: 6150, subject: { kind: 'rsi', period: 14 } };
const V3: RuleFields = { ...V2, instrument_id: 3, session: { kind: 'regular' } };
const version = (n: number, definition: RuleFields, changed_by: string | null = 'ann'): RuleVersion => ({
  rule_id: 7,
  version: n,
  change: n === 1 ? 'created' : 'updated',
  changed_by,
  changed_at: `2026-11-30T14:3${n}:00.000Z`,
  definition,
});

describe('RuleVersionsPanel', () => {
  let fixture: ComponentFixture<RuleVersionsPanel>;
  let http: HttpTestingController;
  const el = () => fixture.nativeElement as HTMLElement;
  const open = async () => {
    await (await TestbedHarnessEnvironment.loader(fixture).getHarness(MatExpansionPanelHarness)).expand();
  };
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  beforeEach(async () => {
    ({ http } = configurePageTestBed('trader'));
    fixture = TestBed.createComponent(RuleVersionsPanel);
    fixture.componentRef.setInput('ruleId', 7);
    fixture.componentRef.setInput('instruments', [anInstrument(), anInstrument({ id: 3, symbol: 'TICK' })]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('reads nothing until opened, then lists versions newest first with who, when and what changed', async () => {
    http.expectNone('/api/rules/7/versions');
    await open();
    http
      .expectOne({ method: 'GET', url: '/api/rules/7/versions' })
      .flush({ rule_id: 7, deleted: false, versions: [version(3, V3, null), version(2, V2), version(1, V1)] });
    await settle();
    const squash = (e: Element) => e.textContent?.replace(/\s+/g, ' ').trim();
    const items = Array.from(el().querySelectorAll('[data-testid="rule-version"]'), (li) => [
      squash(li.querySelector('.head') as Element),
      ...Array.from(li.querySelectorAll('ul li'), squash),
    ]);
    expect(items).toEqual([
      ['v3 updated by unknown · 2026-11-30 14:33:00 UTC', 'instrument: ES → TICK', 'session: — → {"kind":"regular"}'],
      ['v2 updated by ann · 2026-11-30 14:32:00 UTC', 'threshold: 6100 → 6150', 'compare: — → RSI(14)'],
      ['v1 created by ann · 2026-11-30 14:31:00 UTC'],
    ]);
    expect(el().textContent).toContain('3 versions');
  });

  it('reads again on the next opening, and says when the history cannot be read', async () => {
    await open();
    http.expectOne('/api/rules/7/versions').flush(anErrorBody({ message: 'Rule 7 not found', code: 'NOT_FOUND' }), {
      status: 404,
      statusText: 'Not Found',
    });
    await settle();
    expect(el().querySelector('[data-testid="rule-versions-error"]')?.textContent).toBe('History unavailable: Rule 7 not found');
  });
});

describe('versionChanges', () => {
  it('lists nothing for the first version and for a save that changed nothing', () => {
    expect(versionChanges(null, V1)).toEqual([]);
    expect(versionChanges(V1, { ...V1 })).toEqual([]);
  });

  it('names the changed fields plainly, with operands by label and other objects as JSON', () => {
    const after: RuleFields = { ...V1, against: { kind: 'sma', period: 50 }, cooldown_seconds: 30, channels: ['email'] };
    expect(versionChanges(V1, after)).toEqual([
      { field: 'with', from: '—', to: 'SMA(50)' },
      { field: 'cooldown (s)', from: '60', to: '30' },
      { field: 'channels', from: '—', to: '["email"]' },
    ]);
  });
});
