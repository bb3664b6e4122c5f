import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatListHarness } from '@angular/material/list/testing';
import type { AlertDetail } from '@tradeassist/shared-types';
import { anAlertLog, anErrorBody, aNotificationRecord, aRule } from '../../../testing/factories';
import { configurePageTestBed } from '../../../testing/page-test-bed';
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

describe('AlertFeed → why it fired', () => {
  const entry = {
    id: 7,
    symbol: 'ES',
    ruleName: 'ES breakout',
    message: 'ES is above 6100 at 6101',
    timestamp: '2026-11-22T14:30:00.000Z',
    triggerValue: 6101,
  };

  async function openDetail(): Promise<{ http: HttpTestingController; fixture: ReturnType<typeof TestBed.createComponent<AlertFeed>> }> {
    const { http } = configurePageTestBed();
    const fixture = TestBed.createComponent(AlertFeed);
    fixture.componentRef.setInput('alerts', [entry]);
    await fixture.whenStable();
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('[data-testid="alert-entry"]')?.click();
    await fixture.whenStable();
    return { http, fixture };
  }

  const text = (selector: string): string => document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** A facts table as "label: value" lines. */
  const rows = (selector: string): string[] =>
    Array.from(document.querySelectorAll(`${selector} tr`)).map((tr) =>
      Array.from(tr.children)
        .map((c) => c.textContent?.replace(/\s+/g, ' ').trim())
        .join(': '),
    );

  it('asks the server for the alert and shows the compared values and the rule version it fired under', async () => {
    const { http, fixture } = await openDetail();
    const detail: AlertDetail = {
      ...anAlertLog({ id: 7 }),
      explanation: {
        measure: 'price',
        trigger_value: 6101,
        threshold_value: 6100,
        price: 6101,
        price_source: 'last',
        bid: 6100.75,
        ask: 6101.25,
        volume: 3,
        previous_price: 6099.5,
        reference_price: null,
        window_seconds: null,
        indicators: null,
        conditions: null,
        evaluated_on: 'tick',
        bar_interval: null,
        bar_start: null,
      },
      rule_definition: {
        rule_id: 1,
        version: 1,
        change: 'created',
        changed_by: 'ann',
        changed_at: '2026-11-22T13:00:00.000Z',
        definition: { ...aRule(), threshold: 6100, name: 'ES breakout' },
      },
    };
    http.expectOne('/api/alerts/7').flush(detail);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(rows('[data-testid="alert-explanation"]')).toEqual([
      'Price: 6,101.00 against 6,100.00',
      'Tick price: 6,101.00',
      'Previous price: 6,099.50',
      'Bid / ask: 6,100.75 / 6,101.25',
      'Tick volume: 3',
      'Evaluated: on the tick as it arrived (intrabar)',
    ]);
    expect(rows('[data-testid="alert-rule-version"]')).toEqual([
      'Rule: ES breakout · version 1',
      'Condition: threshold: above 6100',
      'Cooldown: 60 s',
      'Version by: ann, 2026-11-22 13:00:00 UTC',
    ]);

    http
      .expectOne('/api/alerts/7/deliveries')
      .flush([
        aNotificationRecord(),
        aNotificationRecord({ id: 22, channel: 'webhook', status: 'dead', attempts: 5, last_error: 'HTTP 503 from receiver' }),
      ]);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(rows('[data-testid="alert-deliveries"]')).toEqual([
      'Channel: Status: Attempts: Last error',
      'Slack: sent: 1: —',
      'Webhook: failed: 5: HTTP 503 from receiver',
    ]);
    http.verify();
  });

  it('says what went wrong when the alert is gone', async () => {
    const { http, fixture } = await openDetail();
    http
      .expectOne('/api/alerts/7')
      .flush(anErrorBody({ status_code: 404, code: 'ALERT_NOT_FOUND', message: 'Alert with ID 7 not found' }), {
        status: 404,
        statusText: 'Not Found',
      });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(text('ta-alert-detail-dialog [role="alert"]')).toBe('Alert with ID 7 not found');
  });
});
