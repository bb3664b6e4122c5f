import type { ErrorBody, InboxItem, InboxPage } from '@tradeassist/shared-types';
import { notifyHelpers } from './support/notify';
import { http, signedInUser, startTestApp, type BrowserSession, type TestApp } from './support/test-app';

/** Reads Server-Sent Events from a fetch body until `count` 'notification' events arrived. */
async function readEvents(res: Response, count: number): Promise<{ id: string; item: InboxItem }[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: { id: string; item: InboxItem }[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        block
          .split('\n')
          .find((l) => l.startsWith(`${name}: `))
          ?.slice(name.length + 2);
      if (field('event') === 'notification') events.push({ id: field('id') ?? '', item: JSON.parse(field('data') ?? '{}') as InboxItem });
    }
  }
  await reader.cancel();
  return events;
}

describe('Notification center: /api/inbox and its SSE stream (real app)', () => {
  let t: TestApp;
  let bob: BrowserSession;
  const { fire } = notifyHelpers(() => t);
  const inbox = (query = '') => http<InboxPage>(t.baseUrl, 'GET', `/api/inbox${query}`);

  beforeAll(async () => {
    t = await startTestApp();
    bob = await signedInUser(t.baseUrl, 'bob', 'trader');
  });
  afterAll(() => t.close());

  it("puts each alert of a user's rules in their center, written with the alert", async () => {
    await fire({ name: 'ES breakout' });
    const page = await inbox();
    expect(page.status).toBe(200);
    expect(page.body.unread).toBe(1);
    expect(page.body.items[0]).toMatchObject({
      title: 'ES · ES breakout',
      body: 'ES is above 6000 at 6001.5',
      priority: 'normal',
      read: false,
      archived: false,
    });
    // Someone else's center stays empty.
    const theirs = await http<InboxPage>(t.baseUrl, 'GET', '/api/inbox', undefined, undefined, bob.headers);
    expect(theirs.body).toEqual({ items: [], unread: 0 });
  });

  it('catches up after a reconnect from the last id seen, oldest first', async () => {
    const [latest] = (await inbox()).body.items;
    await fire({ name: 'second' });
    await fire({ name: 'third' });
    const after = await inbox(`?after_id=${latest?.id}`);
    expect(after.body.items.map((i) => i.title)).toEqual(['ES · second', 'ES · third']);
  });

  it('reads, acknowledges, snoozes and archives, for its owner only', async () => {
    const [item] = (await inbox()).body.items;
    const id = (item as InboxItem).id;
    const before = (await inbox()).body.unread;
    expect((await http<InboxItem>(t.baseUrl, 'POST', `/api/inbox/${id}/read`, {})).body.read).toBe(true);
    expect((await inbox()).body.unread).toBe(before - 1);
    expect((await http<InboxItem>(t.baseUrl, 'POST', `/api/inbox/${id}/unread`, {})).body.read).toBe(false);
    const acked = await http<InboxItem>(t.baseUrl, 'POST', `/api/inbox/${id}/acknowledge`, {});
    expect(acked.body.acknowledged_at).not.toBeNull();
    expect(acked.body.read).toBe(true);
    await http(t.baseUrl, 'POST', `/api/inbox/${id}/unread`, {});
    const snoozed = await http<InboxItem>(t.baseUrl, 'POST', `/api/inbox/${id}/snooze`, { minutes: 30 });
    expect(Date.parse(snoozed.body.snoozed_until ?? '') - Date.now()).toBeGreaterThan(29 * 60_000);
    expect((await inbox()).body.unread).toBe(before - 1);
    await http(t.baseUrl, 'POST', `/api/inbox/${id}/archive`, {});
    expect((await inbox()).body.items.map((i) => i.id)).not.toContain(id);
    expect((await inbox('?include_archived=true')).body.items.map((i) => i.id)).toContain(id);

    const foreign = await http<ErrorBody>(t.baseUrl, 'POST', `/api/inbox/${id}/read`, {}, undefined, bob.headers);
    expect(foreign.status).toBe(404);
    const unknown = await http<ErrorBody>(t.baseUrl, 'POST', `/api/inbox/${id}/frobnicate`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe("Unknown action 'frobnicate'; use one of: read, unread, acknowledge, snooze, archive, unarchive");
    expect((await http<{ updated: number }>(t.baseUrl, 'POST', '/api/inbox/read-all', {})).body.updated).toBeGreaterThan(0);
    expect((await inbox()).body.unread).toBe(0);
  });

  it('streams new entries over SSE, and replays what a reconnecting client missed (Last-Event-ID)', async () => {
    const headers = { 'x-api-key': t.apiKey, accept: 'text/event-stream' };
    const live = await fetch(`${t.baseUrl}/api/inbox/stream`, { headers });
    expect(live.headers.get('content-type')).toContain('text/event-stream');
    const liveEvents = readEvents(live, 1);
    await new Promise((r) => setTimeout(r, 100));
    await fire({ name: 'streamed' });
    const [event] = await liveEvents;
    expect(event?.item.title).toBe('ES · streamed');
    expect(event?.id).toBe(String(event?.item.id));

    await fire({ name: 'missed while away' });
    const back = await fetch(`${t.baseUrl}/api/inbox/stream`, { headers: { ...headers, 'last-event-id': event?.id ?? '' } });
    const [missed] = await readEvents(back, 1);
    expect(missed?.item.title).toBe('ES · missed while away');
  });
});
