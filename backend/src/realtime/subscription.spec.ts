import { accepts, describe as describeSub, EVERYTHING, parseRequest, subscribe, unsubscribe } from './subscription';

describe('subscriptions', () => {
  it('accepts everything until narrowed, then filters by symbol and type', () => {
    expect(accepts(EVERYTHING, 'tick_update', 'ES')).toBe(true);
    const sub = subscribe(EVERYTHING, { instruments: ['ES'], types: ['tick_update'] });
    expect(accepts(sub, 'tick_update', 'ES')).toBe(true);
    expect(accepts(sub, 'tick_update', 'NQ')).toBe(false);
    expect(accepts(sub, 'alert_fired', 'ES')).toBe(false);
    expect(describeSub(sub)).toEqual({ instruments: ['ES'], types: ['tick_update'] });
  });

  it('removes listed entries and resets with an empty unsubscribe', () => {
    const sub = subscribe(EVERYTHING, { instruments: ['ES', 'NQ'] });
    expect(describeSub(unsubscribe(sub, { instruments: ['NQ'] }))).toEqual({ instruments: ['ES'], types: null });
    expect(unsubscribe(sub, {})).toEqual(EVERYTHING);
  });

  it('normalises symbols and explains bad requests', () => {
    expect(parseRequest({ instruments: [' es '] })).toEqual({ instruments: ['ES'] });
    expect(parseRequest('ES')).toBe('data must be an object with optional "instruments" and "types" arrays');
    expect(parseRequest({ instruments: 'ES' })).toBe('"instruments" must be an array of symbols such as ["ES", "NQ"]');
    expect(parseRequest({ types: ['pong'] })).toBe('"types" must be an array of: tick_update, alert_fired, health_status');
  });
});
