import { TestBed } from '@angular/core/testing';
import type { HttpTestingController } from '@angular/common/http/testing';
import { anAlertFired, anInboxItem } from '../../../testing/factories';
import type { FakeSocketFactory } from '../../../testing/fake-socket';
import { settleMicrotasks as settle } from '../../../testing/microtasks';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { RealtimeService } from '../realtime/realtime.service';
import { NotificationCenter, countsAsUnread } from './notification-center';

describe('NotificationCenter', () => {
  let http: HttpTestingController;
  let sockets: FakeSocketFactory;
  let center: NotificationCenter;
  let realtime: RealtimeService;

  /** Opens the socket; going live is a (re)connect, so it catches up from the newest entry. */
  async function goLive(): Promise<void> {
    realtime.connect('ws://x/ws/realtime');
    sockets.last.open();
    TestBed.tick();
    await settle();
    http.expectOne('/api/inbox?after_id=11').flush({ items: [], unread: 1 });
    await settle();
  }

  beforeEach(async () => {
    ({ http, sockets } = configurePageTestBed());
    center = TestBed.inject(NotificationCenter);
    realtime = TestBed.inject(RealtimeService);
    center.start();
    TestBed.tick();
    await settle();
    http.expectOne('/api/inbox').flush({ items: [anInboxItem({ id: 11 }), anInboxItem({ id: 10, read: true })], unread: 1 });
    await settle();
  });

  afterEach(() => {
    realtime.disconnect();
    http.verify();
  });

  it('loads the newest entries on sign-in, then catches up from the newest known id on each alert_fired', async () => {
    expect(center.items().map((i) => i.id)).toEqual([11, 10]);
    expect(center.unread()).toBe(1);

    await goLive();

    sockets.last.push('alert_fired', anAlertFired({ alert_id: 9 }));
    await settle();
    // After after_id the server answers oldest first; the list stays newest first.
    http.expectOne('/api/inbox?after_id=11').flush({ items: [anInboxItem({ id: 12 }), anInboxItem({ id: 13 })], unread: 3 });
    await settle();
    expect(center.items().map((i) => i.id)).toEqual([13, 12, 11, 10]);
    expect(center.unread()).toBe(3);
  });

  it('catches up what fired while the socket was down once it is live again', async () => {
    await goLive();

    jest.useFakeTimers();
    sockets.last.drop();
    TestBed.tick();
    jest.advanceTimersByTime(1000);
    jest.useRealTimers();
    sockets.last.open();
    TestBed.tick();
    await settle();
    http.expectOne('/api/inbox?after_id=11').flush({ items: [anInboxItem({ id: 14, priority: 'urgent' })], unread: 2 });
    await settle();
    expect(center.items().map((i) => i.id)).toEqual([14, 11, 10]);
  });

  it('applies an action as the server answers it and keeps the count in step', async () => {
    const [first] = center.items();
    const acting = center.act(first!, 'read');
    await settle();
    http.expectOne({ method: 'POST', url: '/api/inbox/11/read' }).flush(anInboxItem({ id: 11, read: true }));
    await acting;
    expect(center.unread()).toBe(0);
    expect(center.items()[0]?.read).toBe(true);

    const snoozing = center.act(center.items()[1]!, 'snooze', 60);
    await settle();
    const snooze = http.expectOne('/api/inbox/10/snooze');
    expect(snooze.request.body).toEqual({ minutes: 60 });
    snooze.flush(anInboxItem({ id: 10, read: true, snoozed_until: '2999-01-01T00:00:00.000Z' }));
    await snoozing;

    const archiving = center.act(center.items()[1]!, 'archive');
    await settle();
    http.expectOne('/api/inbox/10/archive').flush(anInboxItem({ id: 10, read: true, archived: true }));
    await archiving;
    expect(center.items().map((i) => i.id)).toEqual([11]);
  });

  it('marks everything read', async () => {
    const reading = center.readAll();
    await settle();
    http.expectOne({ method: 'POST', url: '/api/inbox/read-all' }).flush({ updated: 1 });
    await reading;
    expect(center.unread()).toBe(0);
    expect(center.items().every((i) => i.read)).toBe(true);
  });
});

describe('NotificationCenter for a user with nothing yet', () => {
  it('keeps newest first when the first entries arrive', async () => {
    const { http, sockets } = configurePageTestBed();
    const center = TestBed.inject(NotificationCenter);
    const realtime = TestBed.inject(RealtimeService);
    center.start();
    TestBed.tick();
    await settle();
    http.expectOne('/api/inbox').flush({ items: [], unread: 0 });
    await settle();
    realtime.connect('ws://x/ws/realtime');
    sockets.last.open();
    TestBed.tick();
    await settle();
    // Nothing known to catch up from: the newest entries, newest first.
    http.expectOne('/api/inbox').flush({ items: [anInboxItem({ id: 16 }), anInboxItem({ id: 15 })], unread: 2 });
    await settle();
    expect(center.items().map((i) => i.id)).toEqual([16, 15]);
    realtime.disconnect();
    http.verify();
  });
});

describe('countsAsUnread', () => {
  const now = Date.parse('2026-11-22T15:00:00.000Z');
  it('counts unread entries that are neither archived nor snoozed, as the bell does on the server', () => {
    expect(countsAsUnread(anInboxItem(), now)).toBe(true);
    expect(countsAsUnread(anInboxItem({ read: true }), now)).toBe(false);
    expect(countsAsUnread(anInboxItem({ archived: true }), now)).toBe(false);
    expect(countsAsUnread(anInboxItem({ snoozed_until: '2026-11-22T15:15:00.000Z' }), now)).toBe(false);
    expect(countsAsUnread(anInboxItem({ snoozed_until: '2026-11-22T14:45:00.000Z' }), now)).toBe(true);
  });
});
