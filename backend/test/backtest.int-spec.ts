import type { AlertListResponse, AlertRule, BacktestJob, ErrorBody, RulePreview } from '@tradeassist/shared-types';
import { ruleBody } from './support/factories';
import { http, startTestApp, type TestApp } from './support/test-app';

/** Backtests through the real API over ticks stored by the ingest API. */
describe('POST /api/rules/backtest (real app)', () => {
  let t: TestApp;
  const at = (sec: number): string => new Date(Date.parse('2026-01-05T14:30:00Z') + sec * 1000).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    // ES (instrument 1): a two-day history, one tick a minute, oscillating through 6000 and 6010.
    const ticks = [];
    for (let i = 0; i < 2 * 24 * 60; i++)
      ticks.push({ symbol: 'ES', price: 6000 + 10 * Math.sin(i / 30), volume: 1, timestamp: at(i * 60) });
    for (let i = 0; i < ticks.length; i += 10_000) {
      const res = await http(t.baseUrl, 'POST', '/api/market/ticks', { ticks: ticks.slice(i, i + 10_000) });
      if (res.status !== 200) throw new Error(`seeding ticks failed: ${res.status}`);
    }
  });
  afterAll(() => t.close());

  async function finished(job: BacktestJob): Promise<BacktestJob> {
    for (let i = 0; i < 200; i++) {
      const res = await http<BacktestJob>(t.baseUrl, 'GET', `/api/rules/backtest/${job.id}`);
      if (res.body.status !== 'running') return res.body;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('backtest did not finish');
  }

  /** The same crossings computed here, straight from the generated prices. */
  function expectedCrossings(level: number, fromMin: number, toMin: number): string[] {
    const out: string[] = [];
    for (let i = Math.max(1, fromMin); i <= toMin; i++) {
      const prev = 6000 + 10 * Math.sin((i - 1) / 30);
      const p = 6000 + 10 * Math.sin(i / 30);
      if (i > fromMin && prev <= level && p > level) out.push(at(i * 60));
    }
    return out;
  }

  it('runs an unsaved rule over stored ticks: every firing, counts per day, progress 1', async () => {
    const rule = ruleBody({ rule_type: 'crossover', condition: 'crosses_above', threshold: 6005 });
    const start = await http<BacktestJob>(t.baseUrl, 'POST', '/api/rules/backtest', { rule, from: at(0), to: at(2 * 24 * 3600 - 60) });
    expect(start.status).toBe(202);
    const job = await finished(start.body);
    expect(job).toMatchObject({ status: 'done', progress: 1, ticks_total: 2880, ticks_done: 2880, error: null });
    const expected = expectedCrossings(6005, 0, 2879);
    expect(expected.length).toBeGreaterThan(10);
    expect(job.result?.firings.map((f) => f.timestamp)).toEqual(expected);
    expect(job.result?.total_firings).toBe(expected.length);
    const perDay: Record<string, number> = {};
    for (const ts of expected) perDay[ts.slice(0, 10)] = (perDay[ts.slice(0, 10)] ?? 0) + 1;
    expect(job.result?.per_day).toEqual(perDay);
    expect(job.result?.firings[0]).toMatchObject({ threshold_value: 6005, evaluated_on: 'tick', indicators: null });
    // The price path: the range in 600 steps of 4.8 minutes, the last tick of each (every 24 minutes, the 4th of 5 minutes).
    const path = job.result?.price_path ?? [];
    expect(path).toHaveLength(600);
    const minuteOf = (iso: string): number => (Date.parse(iso) - Date.parse(at(0))) / 60_000;
    expect(path.slice(0, 5).map((p) => minuteOf(p.timestamp))).toEqual([4, 9, 14, 19, 23]);
    expect(path.at(-1)?.timestamp).toBe(at(2879 * 60));
    for (const p of path) expect(p.price).toBeCloseTo(6000 + 10 * Math.sin(minuteOf(p.timestamp) / 30), 9);
  });

  it('honours the trigger mode: once fires a single time over the whole range', async () => {
    const rule = ruleBody({ rule_type: 'crossover', condition: 'crosses_above', threshold: 6005, trigger_mode: 'once' });
    const start = await http<BacktestJob>(t.baseUrl, 'POST', '/api/rules/backtest', { rule, from: at(0), to: at(2 * 24 * 3600) });
    const job = await finished(start.body);
    expect(job.result?.total_firings).toBe(1);
  });

  it('backtests an indicator rule on 1-minute bars and reports its values', async () => {
    const rule = ruleBody({ subject: { kind: 'rsi', period: 14 }, threshold: 70, cooldown_seconds: 0, trigger_mode: 'once_per_bar_close' });
    const start = await http<BacktestJob>(t.baseUrl, 'POST', '/api/rules/backtest', { rule, from: at(0), to: at(24 * 3600) });
    const job = await finished(start.body);
    expect(job.status).toBe('done');
    expect(job.result?.total_firings).toBeGreaterThan(0);
    for (const f of job.result?.firings ?? []) {
      expect(f.evaluated_on).toBe('bar_close');
      expect(f.indicators?.['RSI(14)']).toBeGreaterThan(70);
      expect(f.trigger_value).toBe(f.indicators?.['RSI(14)']);
    }
  });

  it('starts the indicators from the bars before the range: a later start fires as the whole run does from there', async () => {
    const rule = ruleBody({ subject: { kind: 'rsi', period: 14 }, threshold: 70, cooldown_seconds: 0 });
    const run = async (fromMin: number): Promise<[string, number][]> => {
      const start = await http<BacktestJob>(t.baseUrl, 'POST', '/api/rules/backtest', { rule, from: at(fromMin * 60), to: at(1000 * 60) });
      const job = await finished(start.body);
      expect(job.status).toBe('done');
      return (job.result?.firings ?? []).map((f) => [f.timestamp, f.indicators?.['RSI(14)'] ?? NaN]);
    };
    // Minute 600 is on a rise: RSI(14) is past 70 from its first tick, if it has the bars before.
    const whole = (await run(0)).filter(([ts]) => ts >= at(600 * 60));
    const later = await run(600);
    expect(whole[0]?.[0]).toBe(at(600 * 60));
    expect(later.map(([ts]) => ts)).toEqual(whole.map(([ts]) => ts));
    // Primed with 140 bars (ten periods) rather than 600: Wilder's smoothing still remembers its
    // start by about e^-10, so the values agree to 1e-4 relative, not to the last digit.
    later.forEach(([, rsi], i) => expect(Math.abs(rsi / (whole[i]?.[1] ?? NaN) - 1)).toBeLessThan(1e-4));
  });

  it('leaves saved rules and alerts alone', async () => {
    const before = await http<AlertRule[]>(t.baseUrl, 'GET', '/api/rules');
    const start = await http<BacktestJob>(t.baseUrl, 'POST', '/api/rules/backtest', {
      rule: ruleBody({ threshold: 5990 }),
      from: at(0),
      to: at(3600),
    });
    await finished(start.body);
    expect((await http<AlertRule[]>(t.baseUrl, 'GET', '/api/rules')).body).toEqual(before.body);
    expect((await http<{ total: number }>(t.baseUrl, 'GET', '/api/alerts')).body.total).toBe(0);
  });

  it('refuses a bad rule or range with 422s located under body.rule, and unknown jobs with 404', async () => {
    const bad = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules/backtest', {
      rule: ruleBody({ condition: 'percent_change_up' }),
      from: at(0),
      to: at(60),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toEqual([
      {
        loc: ['body', 'rule', 'condition'],
        msg: "condition 'percent_change_up' does not apply to rule_type 'threshold'; use one of: above, below, equals",
        type: 'rule_type_mismatch',
      },
    ]);
    const missingField = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules/backtest', {
      rule: { instrument_id: 1 },
      from: at(0),
      to: at(60),
    });
    expect((missingField.body.detail as { loc: string[] }[]).map((d) => d.loc.join('.'))).toEqual(
      expect.arrayContaining(['body.rule.rule_type', 'body.rule.condition', 'body.rule.threshold']),
    );
    const backwards = await http<ErrorBody>(t.baseUrl, 'POST', '/api/rules/backtest', { rule: ruleBody(), from: at(60), to: at(0) });
    expect(backwards.body.detail).toEqual([{ loc: ['body', 'to'], msg: 'must be later than from', type: 'range' }]);
    const unknown = await http<ErrorBody>(t.baseUrl, 'GET', '/api/rules/backtest/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('BACKTEST_NOT_FOUND');
  });

  it("says in each firing what the live alert said: the rule's message template, or the default sentence", async () => {
    // After the stored history (its last tick at minute 2879), a tick past a level just above it fires a saved rule live.
    const level = Math.round((6000 + 10 * Math.sin(2879 / 30) + 1) * 100) / 100;
    const price = Math.round((level + 2.5) * 100) / 100;
    const firingAt = at(2880 * 60);
    const rule = ruleBody({
      rule_type: 'crossover',
      condition: 'crosses_above',
      threshold: level,
      name: 'ES breakout watch',
      message_template: '{{symbol}} {{condition}} {{threshold}} at {{price}} ({{rule_name}}, {{time}})',
    });
    expect((await http(t.baseUrl, 'POST', '/api/rules', rule)).status).toBe(201);
    const pushed = await http(t.baseUrl, 'POST', '/api/market/ticks', { ticks: [{ symbol: 'ES', price, volume: 1, timestamp: firingAt }] });
    expect(pushed.body).toEqual({ accepted: 1, rejected: [], late: 0 });
    const alerts = (await http<AlertListResponse>(t.baseUrl, 'GET', '/api/alerts')).body.alerts;
    expect(alerts.map((a) => a.alert_message)).toEqual([`ES crosses above ${level} at ${price} (ES breakout watch, ${firingAt})`]);

    const run = async (body: typeof rule): Promise<[string, string][]> => {
      const start = await http<BacktestJob>(t.baseUrl, 'POST', '/api/rules/backtest', { rule: body, from: at(2879 * 60), to: firingAt });
      return ((await finished(start.body)).result?.firings ?? []).map((f) => [f.timestamp, f.message]);
    };
    expect(await run(rule)).toEqual([[firingAt, alerts[0]?.alert_message]]);
    expect(await run({ ...rule, name: null, message_template: null })).toEqual([[firingAt, `ES crossed above ${level} at ${price}`]]);
  });
});

describe('POST /api/rules/preview (real app)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // NQ (instrument 2): 30 minutes, two ticks a minute, rising by one point a minute.
    const ticks = [];
    for (let m = 0; m < 30; m++) {
      for (const s of [0, 30])
        ticks.push({
          symbol: 'NQ',
          price: 20_000 + m + s / 60,
          volume: m + 1,
          timestamp: new Date(Date.parse('2026-01-06T14:30:00Z') + m * 60_000 + s * 1000).toISOString(),
        });
    }
    await http(t.baseUrl, 'POST', '/api/market/ticks', { ticks });
  });
  afterAll(() => t.close());

  it('draws the latest bars with the indicator the rule compares, computed on bar closes', async () => {
    const res = await http<RulePreview>(t.baseUrl, 'POST', '/api/rules/preview', {
      rule: ruleBody({ instrument_id: 2, rule_type: 'crossover', condition: 'crosses_above', against: { kind: 'sma', period: 3 } }),
      bars: 10,
    });
    expect(res.status).toBe(200);
    expect(res.body.interval).toBe('1m');
    expect(res.body.bars).toHaveLength(10);
    expect(res.body.bars[9]).toMatchObject({
      start: '2026-01-06T14:59:00.000Z',
      open: 20_029,
      close: 20_029.5,
      high: 20_029.5,
      low: 20_029,
      volume: 60,
    });
    const [sma] = res.body.lines;
    expect(sma?.label).toBe('SMA(3)');
    expect(sma?.axis).toBe('price');
    // Computed from the bars before the ten drawn too, as the live engine primes it: defined on the first.
    expect(sma?.values[0]).toBeCloseTo((20_018.5 + 20_019.5 + 20_020.5) / 3, 9);
    expect(sma?.values[9]).toBeCloseTo((20_027.5 + 20_028.5 + 20_029.5) / 3, 9);
  });

  it('rolls 1-minute bars into 5-minute ones and draws a level on an oscillator scale', async () => {
    const res = await http<RulePreview>(t.baseUrl, 'POST', '/api/rules/preview', {
      rule: ruleBody({ instrument_id: 2, threshold: 70, subject: { kind: 'rsi', period: 2 }, bar_interval: '5m' }),
    });
    expect(res.body.bars).toHaveLength(6);
    expect(res.body.bars[0]).toMatchObject({ start: '2026-01-06T14:30:00.000Z', open: 20_000, close: 20_004.5, volume: 30 });
    expect(res.body.lines.map((l) => [l.label, l.axis])).toEqual([
      ['RSI(2)', 'indicator'],
      ['level 70', 'indicator'],
    ]);
    expect(res.body.lines[0]?.values.slice(2)).toEqual([100, 100, 100, 100]);
  });
});
