import { accepts, describe as view, EVERYTHING, parseRequest, subscribe, unsubscribe, type Subscription } from './subscription';

function mustUnsubscribe(current: Subscription, req: Parameters<typeof unsubscribe>[1]): Subscription {
  const next = unsubscribe(current, req);
  if (typeof next === 'string') throw new Error(`unexpected refusal: ${next}`);
  return next;
}

describe('subscription filter', () => {
  it('accepts everything until narrowed', () => {
    expect(accepts(EVERYTHING, 'tick_update', 'ES')).toBe(true);
    expect(accepts(EVERYTHING, 'health_status', undefined)).toBe(true);
  });

  it('filters by instrument; messages without a symbol pass the instrument axis', () => {
    const sub = subscribe(EVERYTHING, { instruments: ['ES'] });
    expect(accepts(sub, 'tick_update', 'ES')).toBe(true);
    expect(accepts(sub, 'tick_update', 'NQ')).toBe(false);
    expect(accepts(sub, 'alert_fired', 'NQ')).toBe(false);
    expect(accepts(sub, 'health_status', undefined)).toBe(true);
  });

  it('filters by type on every instrument', () => {
    const sub = subscribe(EVERYTHING, { types: ['alert_fired'] });
    expect(accepts(sub, 'alert_fired', 'NQ')).toBe(true);
    expect(accepts(sub, 'tick_update', 'NQ')).toBe(false);
    expect(accepts(sub, 'health_status', undefined)).toBe(false);
  });

  it('adds to earlier subscriptions and describes them sorted', () => {
    const sub = subscribe(subscribe(EVERYTHING, { instruments: ['NQ'] }), { instruments: ['ES'], types: ['tick_update'] });
    expect(view(sub)).toEqual({ instruments: ['ES', 'NQ'], types: ['tick_update'] });
    expect(view(EVERYTHING)).toEqual({ instruments: null, types: null });
  });

  it('removes listed entries, keeps an emptied list empty, and resets with an empty unsubscribe', () => {
    const sub = subscribe(EVERYTHING, { instruments: ['ES', 'NQ'], types: ['tick_update', 'alert_fired'] });
    expect(view(mustUnsubscribe(sub, { instruments: ['NQ'] }))).toEqual({ instruments: ['ES'], types: ['alert_fired', 'tick_update'] });
    const none = mustUnsubscribe(sub, { instruments: ['ES', 'NQ'] });
    expect(view(none).instruments).toEqual([]);
    expect(accepts(none, 'tick_update', 'ES')).toBe(false);
    expect(mustUnsubscribe(sub, {})).toEqual(EVERYTHING);
  });

  it('removes a type from "every type", but refuses to remove an instrument from "every instrument"', () => {
    expect(view(mustUnsubscribe(EVERYTHING, { types: ['tick_update'] })).types).toEqual(['alert_fired', 'health_status']);
    expect(unsubscribe(EVERYTHING, { instruments: ['ES'] })).toBe(
      'you receive every instrument, so there is none to remove; subscribe to the instruments you want instead',
    );
  });
});

describe('parseRequest', () => {
  it('upper-cases and trims symbols, drops duplicates, and treats empty lists as omitted', () => {
    expect(parseRequest({ instruments: [' es ', 'ES', 'nq'] })).toEqual({ instruments: ['ES', 'NQ'] });
    expect(parseRequest({ instruments: [], types: [] })).toEqual({});
    expect(parseRequest(undefined)).toEqual({});
    expect(parseRequest(null)).toEqual({});
  });

  it('explains each kind of bad request', () => {
    expect(parseRequest('ES')).toBe('data must be an object with optional "instruments" and "types" arrays');
    expect(parseRequest(['ES'])).toBe('data must be an object with optional "instruments" and "types" arrays');
    expect(parseRequest({ instruments: 'ES' })).toBe('"instruments" must be an array of symbols such as ["ES", "NQ"]');
    expect(parseRequest({ instruments: ['ES', 5] })).toBe('"instruments" must be an array of symbols such as ["ES", "NQ"]');
    expect(parseRequest({ instruments: ['  '] })).toBe('"instruments" must be an array of symbols such as ["ES", "NQ"]');
    expect(parseRequest({ types: 'alert_fired' })).toBe('"types" must be an array of: tick_update, alert_fired, health_status');
    expect(parseRequest({ types: ['alert_fired', 'pong'] })).toBe(
      'Unknown type "pong" in "types"; subscribable types: tick_update, alert_fired, health_status',
    );
    expect(parseRequest({ types: [7] })).toBe('Unknown type 7 in "types"; subscribable types: tick_update, alert_fired, health_status');
  });
});
