import type { AlertDetail, AlertListResponse, AlertRule, ErrorBody, TickInput } from '@tradeassist/shared-types';
import { ruleBody } from './support/factories';
import { http, startTestApp, type TestApp } from './support/test-app';
import { WsProbe } from './support/ws-client';

/** Rule options end to end: ticks go in through the ingest API, firings are read back exactly. */
describe('Rule options: trigger modes, hysteresis, expiry, price source, messages (real app)', () => {
  let t: TestApp;
  let ws: WsProbe;
  beforeAll(async () => {
    t = await startTestApp();
    ws = await WsProbe.connect(t.wsUrl);
  });
  afterAll(async () => {
    ws.close();
    await t.close();
  });

  // Each test uses its own instrument so their prices never meet.
  let nextInstrument = 0;
  const instruments = ['ES', 'NQ', 'YM', 'CL', 'GC', 'SPX', 'NDX', 'RUT', 'VIX', 'TICK', 'ADD', 'TRIN'];
  const at = (sec: number): string => new Date(Date.parse('2026-01-15T14:30:00Z') + sec * 1000).toISOString();

  async function scenario(options: Record<string, unknown>, base: Partial<Parameters<typeof ruleBody>[0]> = {}) {
    const symbol = instruments[nextInstrument++];
    if (!symbol) throw new Error('more scenarios than seeded instruments: give this one its own app');
    const list = await http<{ id: number; symbol: string }[]>(t.baseUrl, 'GET', '/api/instruments');
    const instrumentId = list.body.find((i) => i.symbol === symbol)?.id as number;
    const created = await http<AlertRule>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ instrument_id: instrumentId, threshold: 100, ...base, ...options }),
    );
    expect(created.status).toBe(201);
    const rule = created.body;
    return {
      rule,
      push: async (...ticks: [price: number, sec: number, extra?: Partial<TickInput>][]) => {
        const res = await http<{ accepted: number }>(t.baseUrl, 'POST', '/api/market/ticks', {
          ticks: ticks.map(([price, sec, extra]) => ({ symbol, price, volume: 1, timestamp: at(sec), ...extra })),
        });
        expect(res.body.accepted).toBe(ticks.length);
      },
      /** Firings so far, oldest first, as [seconds after the start, trigger value]. */
      fired: async () => {
        const res = await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${rule.id}&limit=1000`);
        return res.body.alerts.map((a) => [(Date.parse(a.timestamp) - Date.parse(at(0))) / 1000, a.trigger_value]).reverse();
      },
    };
  }

  it('returns every option with its default, and what was set', async () => {
    const { rule } = await scenario({ priority: 'urgent', channels: ['in_app', 'slack'], rearm: { by: 0.5, unit: 'percent' } });
    expect(rule).toMatchObject({
      trigger_mode: 'every_time',
      bar_interval: '1m',
      price_source: 'last',
      rearm: { by: 0.5, unit: 'percent' },
      expires_at: null,
      priority: 'urgent',
      channels: ['in_app', 'slack'],
      sound: true,
      message_template: null,
    });
  });

  it('refuses bad options with a 422 that names each field', async () => {
    const res = await http<ErrorBody>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({
        trigger_mode: 'sometimes' as never,
        rearm: { by: -1, unit: 'pips' } as never,
        expires_at: 'tomorrow',
        channels: ['pager'] as never,
        message_template: '{{symbol}} at {{prise}}',
      }),
    );
    expect(res.status).toBe(422);
    const detail = res.body.detail as { loc: string[]; msg: string }[];
    expect(detail.map((d) => d.loc.join('.')).sort()).toEqual(['body.channels', 'body.expires_at', 'body.trigger_mode']);
    // Cross-field checks run once the fields themselves are valid.
    const second = await http<ErrorBody>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ rearm: { by: -1, unit: 'pips' } as never, message_template: '{{symbol}} at {{prise}}' }),
    );
    expect(second.status).toBe(422);
    expect(second.body.detail).toEqual([
      { loc: ['body', 'rearm', 'by'], msg: 'must be a number greater than 0', type: 'min' },
      { loc: ['body', 'rearm', 'unit'], msg: "must be 'value' or 'percent'", type: 'isIn' },
      {
        loc: ['body', 'message_template'],
        msg: expect.stringMatching(/^unknown placeholder \{\{prise\}\}; use one of \{\{symbol\}\}, \{\{price\}\}/),
        type: 'template',
      },
    ]);
  });

  it("'once' fires one alert, switches the rule off, and re-enabling re-arms it", async () => {
    const s = await scenario({ trigger_mode: 'once' });
    await s.push([101, 0], [102, 1]);
    expect(await s.fired()).toEqual([[0, 101]]);
    const after = await http<AlertRule>(t.baseUrl, 'GET', `/api/rules/${s.rule.id}`);
    expect(after.body.active).toBe(false);
    await http(t.baseUrl, 'PUT', `/api/rules/${s.rule.id}`, { active: true });
    await s.push([103, 2]);
    expect(await s.fired()).toEqual([
      [0, 101],
      [2, 103],
    ]);
  });

  it('once_per_bar_close fires on the close of a 1-minute bar, stamped at its end, and explains the bar', async () => {
    const s = await scenario(
      { trigger_mode: 'once_per_bar_close', bar_interval: '1m' },
      { rule_type: 'crossover', condition: 'crosses_above' },
    );
    // Bar 1 closes at 99; bar 2 goes to 105 but closes at 99.5; bar 3 closes at 100.5: only bar 3 crosses, seen when bar 4 starts.
    await s.push([99, 0], [105, 60], [99.5, 70], [100.5, 120], [100, 180]);
    expect(await s.fired()).toEqual([[180, 100.5]]);
    const list = await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${s.rule.id}`);
    const detail = await http<AlertDetail>(t.baseUrl, 'GET', `/api/alerts/${list.body.alerts[0]?.id}`);
    expect(detail.body.explanation).toMatchObject({
      evaluated_on: 'bar_close',
      bar_interval: '1m',
      bar_start: at(120),
      price: 100.5,
      previous_price: 99.5,
    });
    expect(detail.body.alert_message).toMatch(/crossed above 100 at 100\.5 \(1m bar close\)$/);
  });

  it('re-arm hysteresis: quiet after a firing until the price is back by the value', async () => {
    const s = await scenario({ rearm: { by: 1, unit: 'value' } }, { cooldown_seconds: 0 });
    await s.push([101, 0], [102, 1], [100.5, 2], [101.5, 3], [100, 4], [100.25, 5]);
    expect(await s.fired()).toEqual([
      [0, 101],
      [5, 100.25],
    ]);
  });

  it('stops at the expiry time, in tick time', async () => {
    const s = await scenario({ expires_at: at(2) }, { cooldown_seconds: 0 });
    await s.push([101, 0], [101, 1], [101, 2], [101, 3]);
    expect(await s.fired()).toEqual([
      [0, 101],
      [1, 101],
    ]);
  });

  it('reads the bid when asked to, and skips ticks without one', async () => {
    const s = await scenario({ price_source: 'bid' }, { cooldown_seconds: 0 });
    await s.push([101, 0], [101, 1, { bid: 100.5, ask: 101.5 }], [99, 2, { bid: 98.75, ask: 99.25 }]);
    expect(await s.fired()).toEqual([[1, 100.5]]);
  });

  it('renders the message template and sends the priority with alert_fired', async () => {
    const s = await scenario(
      {
        priority: 'high',
        sound: false,
        message_template: '{{symbol}} {{condition}} {{threshold}}: {{price}} ({{rule_name}}, {{priority}})',
      },
      { name: 'Breakout' },
    );
    await s.push([101.25, 0]);
    const fired = await ws.next('alert_fired', (m) => m.data.rule_id === s.rule.id);
    expect(fired.data.priority).toBe('high');
    expect(fired.data.sound).toBe(false);
    expect(fired.data.message).toBe(`${fired.data.symbol} above 100: 101.25 (Breakout, high)`);
  });

  it('fires an indicator rule (RSI above a level) and explains it with the indicator value', async () => {
    const s = await scenario({ subject: { kind: 'rsi', period: 2 } }, { threshold: 70, cooldown_seconds: 0 });
    await s.push([100, 0], [101, 60], [102, 120]);
    expect(await s.fired()).toEqual([[120, 100]]);
    const list = await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${s.rule.id}`);
    const detail = await http<AlertDetail>(t.baseUrl, 'GET', `/api/alerts/${list.body.alerts[0]?.id}`);
    expect(detail.body.threshold_value).toBe(70);
    expect(detail.body.explanation?.indicators).toEqual({ 'RSI(2)': 100 });
    expect(detail.body.alert_message).toBe(`${detail.body.instrument_symbol} RSI(2) is above 70 (100)`);
  });

  it('refuses indicator settings that cannot work, naming the field and the key', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const res = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules', ruleBody(body));
      expect(res.status).toBe(422);
      return (res.body.detail as { loc: string[]; msg: string }[]).map((d) => `${d.loc.join('.')}: ${d.msg}`);
    };
    expect(await bad({ subject: { kind: 'rsi', period: 1 } })).toEqual(['body.subject.period: must be a whole number from 2 to 1000']);
    expect(await bad({ subject: { kind: 'macd', line: 'signal', fast: 26, slow: 12, signal: 9 } })).toEqual([
      'body.subject.fast: fast must be shorter than slow',
    ]);
    expect(await bad({ subject: { kind: 'vwap' } })).toEqual([
      'body.subject.kind: kind must be one of: sma, ema, rsi, macd, bollinger, avg_volume',
    ]);
    expect(await bad({ against: { kind: 'sma', period: 5, length: 3 } })).toEqual([
      "body.against: unknown field 'length'; sma takes period",
    ]);
    expect(
      await bad({ rule_type: 'rate_of_change', condition: 'percent_change_up', threshold: 1, subject: { kind: 'sma', period: 5 } }),
    ).toEqual(['body.subject: indicators apply to threshold and crossover rules, not rate_of_change']);
    expect(await bad({ condition: 'equals', against: { kind: 'ema', period: 5 } })).toEqual([
      'body.condition: equals does not apply to indicators; use above/below or a crossing',
    ]);
    expect(await bad({ against: { kind: 'avg_volume', bars: 20, factor: 2 } })).toEqual([
      'body.against: avg_volume applies to volume_spike rules',
    ]);
  });

  it('fires a multi_condition tree and explains every condition of it', async () => {
    const conditions = {
      kind: 'all',
      of: [
        { kind: 'channel', op: 'inside', lower: 100, upper: 110 },
        {
          kind: 'any',
          of: [
            { kind: 'move', direction: 'up', by: 2, unit: 'value', within_seconds: 60 },
            { kind: 'rule', rule_type: 'volume_spike', condition: 'volume_above', threshold: 50 },
          ],
        },
      ],
    };
    const s = await scenario(
      { conditions },
      { rule_type: 'multi_condition', condition: undefined, threshold: undefined, cooldown_seconds: 0 },
    );
    expect(s.rule).toMatchObject({ rule_type: 'multi_condition', conditions });
    // 101 → 102 (+1: no) → 103.5 (+2.5 within 60 s, inside: fires) → 112 (outside) → 104 with 60 lots (volume: fires).
    await s.push([101, 0], [102, 10], [103.5, 20], [112, 30], [104, 200, { volume: 60 }]);
    // trigger_value is the first condition that held (the channel's price, here).
    expect(await s.fired()).toEqual([
      [20, 103.5],
      [200, 104],
    ]);
    const list = await http<AlertListResponse>(t.baseUrl, 'GET', `/api/alerts?rule_id=${s.rule.id}`);
    const detail = await http<AlertDetail>(t.baseUrl, 'GET', `/api/alerts/${list.body.alerts[1]?.id}`);
    expect(detail.body.explanation?.conditions).toEqual([
      { label: 'channel inside 100–110', holds: true, value: 103.5, against: 100 },
      { label: 'up 2 within 60 s', holds: true, value: 2.5, against: 2 },
      { label: 'volume above 50', holds: false, value: 1, against: 50 },
    ]);
    expect(detail.body.alert_message).toMatch(/: channel inside 100–110 and up 2 within 60 s \(at 103\.5\)$/);
  });

  it('locates errors inside a condition tree', async () => {
    const res = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules', {
      instrument_id: 1,
      rule_type: 'multi_condition',
      conditions: {
        kind: 'any',
        of: [
          { kind: 'channel', op: 'inside', lower: 110, upper: 100 },
          {
            kind: 'all',
            of: [
              { kind: 'rule', rule_type: 'threshold', condition: 'crosses_above', threshold: 1 },
              { kind: 'move', direction: 'up', by: 1, unit: 'value' },
            ],
          },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect((res.body.detail as { loc: (string | number)[]; msg: string }[]).map((d) => `${d.loc.join('.')}: ${d.msg}`)).toEqual([
      'body.conditions.of.0.upper: must be a number above lower',
      "body.conditions.of.1.of.0.condition: condition 'crosses_above' does not apply to rule_type 'threshold'; use one of: above, below, equals",
      'body.conditions.of.1.of.1: needs exactly one of within_seconds and within_bars',
    ]);
    const missing = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules', { instrument_id: 1, rule_type: 'multi_condition' });
    expect(missing.body.detail).toEqual([
      {
        loc: ['body', 'conditions'],
        msg: 'multi_condition rules need conditions: an all/any tree of rule, channel and move conditions',
        type: 'required',
      },
    ]);
  });

  it('fires only inside its market session, and refuses a session it cannot read', async () => {
    const s = await scenario({ session: { kind: 'regular' } }, { cooldown_seconds: 0 });
    // 15 January 2026, a Thursday: 09:00 New York time is 14:00 UTC (before the open), 09:31 is 14:31.
    const open = Date.parse('2026-01-15T14:30:00Z');
    const secondsFromStart = (iso: string): number => (Date.parse(iso) - open) / 1000;
    await s.push([101, secondsFromStart('2026-01-15T14:00:00Z')], [101, secondsFromStart('2026-01-15T14:31:00Z')]);
    expect(await s.fired()).toEqual([[60, 101]]);
    const bad = await http<ErrorBody>(
      t.baseUrl,
      'POST',
      '/api/rules',
      ruleBody({ session: { kind: 'custom', timezone: 'Mars/Olympus', windows: [{ days: [8], start: '9:30', end: '08:00' }] } as never }),
    );
    expect(bad.status).toBe(422);
    expect((bad.body.detail as { loc: (string | number)[]; msg: string }[]).map((d) => `${d.loc.join('.')}: ${d.msg}`)).toEqual([
      "body.session.timezone: must be an IANA timezone such as America/New_York or Europe/London; leave it out to use the instrument's",
      'body.session.windows.0.days: must list days 1 (Monday) to 7 (Sunday)',
      'body.session.windows.0.start: must be a time HH:MM (24 h)',
    ]);
  });
});
