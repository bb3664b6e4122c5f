import { TestBed } from '@angular/core/testing';
import type { InboxItem } from '@tradeassist/shared-types';
import { anInboxItem } from '../../../testing/factories';
import { settleMicrotasks as settle } from '../../../testing/microtasks';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { NotificationBell } from './notification-bell';
import { NotificationCenter } from './notification-center';

describe('NotificationBell', () => {
  /** The bell on a signed-in console whose inbox holds these entries. */
  async function bellWith(items: InboxItem[], unread: number) {
    const { http } = configurePageTestBed();
    TestBed.inject(NotificationCenter).start();
    const fixture = TestBed.createComponent(NotificationBell);
    await fixture.whenStable();
    await settle();
    http.expectOne('/api/inbox').flush({ items, unread });
    await settle();
    await fixture.whenStable();
    return { http, fixture, host: fixture.nativeElement as HTMLElement };
  }
  const all = (selector: string): HTMLElement[] => Array.from(document.querySelectorAll<HTMLElement>(selector));

  it('shows the unread count, lists entries newest first with their priority, and opens an entry as its alert', async () => {
    const { http, fixture, host } = await bellWith(
      [anInboxItem({ id: 12, priority: 'urgent', title: 'TICK · breadth' }), anInboxItem({ id: 11, read: true })],
      1,
    );
    expect(host.querySelector('[data-testid="notification-count"]')?.textContent?.trim()).toBe('1');

    host.querySelector<HTMLElement>('[data-testid="notification-bell"]')?.click();
    await fixture.whenStable();
    const entries = all('[data-testid="notification-entry"]');
    expect(entries.map((e) => e.querySelector('.entry-title')?.textContent?.trim())).toEqual(['TICK · breadth', 'ES · ES breakout']);
    expect(entries.map((e) => [e.classList.contains('unread'), e.classList.contains('priority-urgent')])).toEqual([
      [true, true],
      [false, false],
    ]);

    entries[0]?.querySelector<HTMLElement>('button.open')?.click();
    await fixture.whenStable();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/inbox/12/read' }).flush(anInboxItem({ id: 12, priority: 'urgent', read: true }));
    http.expectOne('/api/alerts/7');
    await settle();
    await fixture.whenStable();
    expect(host.querySelector('[data-testid="notification-count"]')).toBeNull();
    expect(document.querySelector('ta-alert-detail-dialog')).not.toBeNull();
  });

  it('marks a system alert read when opened, without an alert to fetch', async () => {
    const system = anInboxItem({ id: 13, alert_id: null, system_event_id: 2, priority: 'high', title: 'The market feed is down' });
    const { http, fixture, host } = await bellWith([system], 1);
    host.querySelector<HTMLElement>('[data-testid="notification-bell"]')?.click();
    await fixture.whenStable();
    all('[data-testid="notification-entry"]')[0]?.querySelector<HTMLElement>('button.open')?.click();
    await fixture.whenStable();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/inbox/13/read' }).flush({ ...system, read: true });
    await settle();
    http.expectNone((r) => r.url.startsWith('/api/alerts/'));
    expect(document.querySelector('ta-alert-detail-dialog')).toBeNull();
  });

  it('acknowledges an entry and says why when the server refuses an action', async () => {
    const { http, fixture, host } = await bellWith([anInboxItem()], 1);
    host.querySelector<HTMLElement>('[data-testid="notification-bell"]')?.click();
    await fixture.whenStable();

    all('[data-testid="notification-acknowledge"]')[0]?.click();
    await settle();
    http.expectOne('/api/inbox/11/acknowledge').flush(anInboxItem({ acknowledged_at: '2026-11-22T14:31:00.000Z' }));
    await settle();
    await fixture.whenStable();
    expect(all('[data-testid="notification-acknowledged"]')).toHaveLength(1);
    expect(all('[data-testid="notification-acknowledge"]')).toHaveLength(0);

    all('[data-testid="notification-archive"]')[0]?.click();
    await settle();
    http
      .expectOne('/api/inbox/11/archive')
      .flush({ status_code: 404, code: 'NOT_FOUND', message: 'No notification 11' }, { status: 404, statusText: 'Not Found' });
    await settle();
    await fixture.whenStable();
    expect(document.querySelector('.panel [role="alert"]')?.textContent).toContain('No notification 11');
  });
});
