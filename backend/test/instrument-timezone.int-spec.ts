import type { AlertListResponse, AlertRule, ErrorBody, Instrument } from '@tradeassist/shared-types';
import { ruleBody } from './support/factories';
import { http, startTestApp, type TestApp } from './support/test-app';

const INSTRUMENT_TZ_ERROR = 'must be an IANA timezone such as America/New_York, Europe/London or Asia/Tokyo';

describe("Instrument timezones and sessions in the instrument's timezone (real app)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const createEquity = <T = Instrument>(symbol: string, timezone?: unknown) =>
    http<T>(t.baseUrl, 'POST', '/api/instruments', { symbol, name: `${symbol} shares`, type: 'equity', timezone });

  it('seeds the US instruments in New York; a new one takes its own timezone or that default, and may change it', async () => {
    const seeded = await http<Instrument[]>(t.baseUrl, 'GET', '/api/instruments');
    expect(new Set(seeded.body.map((i) => i.timezone))).toEqual(new Set(['America/New_York']));
    const plain = await createEquity('AAPL');
    expect([plain.status, plain.body.timezone]).toEqual([201, 'America/New_York']);
    const london = await createEquity('VOD', 'Europe/London');
    expect([london.status, london.body.timezone]).toEqual([201, 'Europe/London']);
    const moved = await http<Instrument>(t.baseUrl, 'PUT', `/api/instruments/${plain.body.id}`, { timezone: 'Asia/Tokyo' });
    expect([moved.status, moved.body.timezone]).toEqual([200, 'Asia/Tokyo']);
    expect((await http<Instrument>(t.baseUrl, 'GET', `/api/instruments/${plain.body.id}`)).body.timezone).toBe('Asia/Tokyo');
  });

  it('refuses a timezone it cannot read with 422 naming the field and giving examples', async () => {
    const created = await createEquity<ErrorBody>('ATL', 'Europe/Atlantis');
    expect(created.status).toBe(422);
    expect(created.body.detail).toEqual([{ loc: ['body', 'timezone'], msg: INSTRUMENT_TZ_ERROR, type: 'timezone' }]);
    const updated = await http<ErrorBody>(t.baseUrl, 'PUT', '/api/instruments/1', { timezone: 5 });
    expect(updated.status).toBe(422);
    expect(updated.body.detail).toEqual([{ loc: ['body', 'timezone'], msg: INSTRUMENT_TZ_ERROR, type: 'timezone' }]);
    const rule = await http<ErrorBody>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ session: { kind: 'custom', timezone: 'Mars/Olympus', windows: [{ days: [1], start: '09:00', end: '10:00' }] } }),
    );
    expect(rule.status).toBe(422);
    expect(rule.body.detail).toEqual([
      {
        loc: ['body', 'session', 'timezone'],
        msg: "must be an IANA timezone such as America/New_York or Europe/London; leave it out to use the instrument's",
        type: 'timezone',
      },
    ]);
  });

  it("runs a custom session without a timezone in its instrument's, and follows the instrument when it moves", async () => {
    const lse = await createEquity('LSE1', 'Europe/London');
    const windows = [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '16:30' }];
    const created = await http<AlertRule>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ instrument_id: lse.body.id, threshold: 100, session: { kind: 'custom', windows } }),
    );
    expect(created.status).toBe(201);
    // Stored as given: the rule follows its instrument's timezone rather than a copy of it.
    expect(created.body.session).toEqual({ kind: 'custom', windows });
    const push = async (iso: string): Promise<void> => {
      const res = await http<{ accepted: number }>(t.baseUrl, 'POST', '/api/market/ticks', {
        ticks: [{ symbol: 'LSE1', price: 101, volume: 1, timestamp: iso }],
      });
      expect(res.body.accepted).toBe(1);
    };
    // Wednesday 15 July 2026: 07:30 UTC is 08:30 in London (in), 16:00 UTC is 17:00 there (out) and 12:00 in New York.
    await push('2026-07-15T07:30:00Z');
    await push('2026-07-15T16:00:00Z');
    expect((await http<Instrument>(t.baseUrl, 'PUT', `/api/instruments/${lse.body.id}`, { timezone: 'America/New_York' })).status).toBe(
      200,
    );
    await push('2026-07-15T16:01:00Z');
    const alerts = await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${created.body.id}`);
    expect(alerts.body.alerts.map((a) => a.timestamp).reverse()).toEqual(['2026-07-15T07:30:00.000Z', '2026-07-15T16:01:00.000Z']);
  });
});
