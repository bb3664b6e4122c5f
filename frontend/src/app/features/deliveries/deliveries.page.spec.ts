import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { NotificationMetrics } from '@tradeassist/shared-types';
import { aNotificationRecord } from '../../../testing/factories';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { DeliveriesPage } from './deliveries.page';

const metrics: NotificationMetrics = {
  since: '2026-11-21T14:30:00.000Z',
  channels: {
    webhook: {
      pending: 1,
      sent: 40,
      dead: 2,
      attempts: 50,
      failed_attempts: 8,
      success_rate: 0.84,
      latency_ms: { p50: 120, p95: 480, p99: 900 },
    },
    slack: {
      pending: 0,
      sent: 12,
      dead: 0,
      attempts: 12,
      failed_attempts: 0,
      success_rate: 1,
      latency_ms: { p50: 0.046, p95: 150, p99: 160.4 },
    },
  },
};
const deadLetter = aNotificationRecord({
  id: 31,
  alert_id: 9,
  channel: 'webhook',
  status: 'dead',
  attempts: 5,
  last_error: 'HTTP 410 Gone',
});

describe('DeliveriesPage', () => {
  let http: HttpTestingController;

  const settle = async (fixture: { whenStable(): Promise<unknown> }): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  const rows = (host: HTMLElement, testid: string): string[] =>
    Array.from(host.querySelectorAll(`[data-testid="${testid}"] tr`)).map((tr) =>
      Array.from(tr.children)
        .map((c) => c.textContent?.replace(/\s+/g, ' ').trim())
        .join(' | '),
    );

  async function open(): Promise<{ fixture: ReturnType<typeof TestBed.createComponent<DeliveriesPage>>; host: HTMLElement }> {
    ({ http } = configurePageTestBed('admin'));
    const fixture = TestBed.createComponent(DeliveriesPage);
    await fixture.whenStable();
    http.expectOne('/api/metrics/notifications').flush(metrics);
    http.expectOne('/api/notifications/dead-letter').flush([deadLetter]);
    await settle(fixture);
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => http.verify());

  it('shows each channel’s counts, success rate and latency, and the dead letters', async () => {
    const { host } = await open();
    expect(rows(host, 'delivery-metrics')).toEqual([
      'Channel | Pending | Sent | Failed | Attempts | Failed attempts | Success | p50 | p95 | p99',
      'Slack | 0 | 12 | 0 | 12 | 0 | 100.0 % | 0.05 ms | 150 ms | 160 ms',
      'Webhook | 1 | 40 | 2 | 50 | 8 | 84.0 % | 120 ms | 480 ms | 900 ms',
    ]);
    expect(rows(host, 'dead-letters')[1]).toBe('31 | 9 | Webhook | 5 | HTTP 410 Gone | 2026-11-22 14:30:00 | Webhook (same)Replay');
  });

  it('replays to the same channel, or to another one chosen, and reloads both lists after', async () => {
    const { fixture, host } = await open();
    host.querySelector<HTMLElement>('[data-testid="replay"]')?.click();
    const same = http.expectOne({ method: 'POST', url: '/api/notifications/31/replay' });
    expect(same.request.body).toEqual({});
    same.flush({ ...deadLetter, status: 'pending', attempts: 0 });
    await settle(fixture);
    http.expectOne('/api/metrics/notifications').flush(metrics);
    http.expectOne('/api/notifications/dead-letter').flush([deadLetter]);
    await settle(fixture);

    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual(['Webhook (same)', 'Slack', 'E-mail', 'Discord', 'Telegram', 'SMS']);
    await select.clickOptions({ text: 'Slack' });
    host.querySelector<HTMLElement>('[data-testid="replay"]')?.click();
    const other = http.expectOne({ method: 'POST', url: '/api/notifications/31/replay' });
    expect(other.request.body).toEqual({ channel: 'slack' });
    other.flush(aNotificationRecord({ id: 32, channel: 'slack', status: 'pending' }));
    await settle(fixture);
    http.expectOne('/api/metrics/notifications').flush(metrics);
    http.expectOne('/api/notifications/dead-letter').flush([]);
    await settle(fixture);
    expect(host.textContent).toContain('Nothing undelivered');
  });

  it('says why a replay was refused', async () => {
    const { fixture, host } = await open();
    host.querySelector<HTMLElement>('[data-testid="replay"]')?.click();
    http
      .expectOne('/api/notifications/31/replay')
      .flush(
        { status_code: 409, code: 'NOT_DEAD', message: 'Notification 31 is not in the dead-letter list' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle(fixture);
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Notification 31 is not in the dead-letter list');
  });
});
