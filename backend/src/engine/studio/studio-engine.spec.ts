import { NaiveEngine } from '../naive-engine';
import { RuleEngine } from '../rule-engine';
import { engineRule, FLOOR_PAIRS, seededRandom, S, T0 } from '../test-support';
import { LATE, type EngineRule, type EngineRuleOptions, type EngineTick, type Firing } from '../types';
import { PLAIN_OPTIONS } from './studio-rule';

const MIN = 60 * S;
type Tick = [price: number, atMs: number, extra?: Partial<EngineTick>];

function opts(o: Partial<EngineRuleOptions>): EngineRuleOptions {
  return { ...PLAIN_OPTIONS, ...o };
}

/** Plays ticks through a RuleEngine holding the given rules; per tick, the firings as [rule id, ts offset, trigger]. */
function run(rules: (Partial<EngineRule> & { id: number })[], ticks: Tick[]): [number, number, number][][] {
  const engine = new RuleEngine();
  for (const r of rules) engine.upsertRule(engineRule(r));
  return ticks.map(([price, at, extra]) => {
    const out: Firing[] = [];
    const n = engine.evaluate({ instrumentId: 1, tsMs: T0 + at, price, volume: 1, ...extra }, out);
    if (n === LATE) throw new Error('late');
    return out.map((f) => [f.ruleId, f.tsMs - T0, f.triggerValue]);
  });
}

describe('trigger modes', () => {
  it('every_time with an option still fires on every qualifying tick, throttled by the cooldown', () => {
    const rule = { id: 1, cooldownSeconds: 2, options: opts({ expiresAtMs: T0 + 3600 * S }) };
    expect(
      run(
        [rule],
        [
          [101, 0],
          [102, S],
          [103, 2 * S],
          [99, 3 * S],
          [104, 4 * S],
        ],
      ),
    ).toEqual([[[1, 0, 101]], [], [[1, 2 * S, 103]], [], [[1, 4 * S, 104]]]);
  });

  it('once: fires the first time only, whatever follows', () => {
    const rule = { id: 1, options: opts({ mode: 'once' }) };
    expect(
      run(
        [rule],
        [
          [99, 0],
          [101, S],
          [99, 2 * S],
          [101, 3 * S],
        ],
      ),
    ).toEqual([[], [[1, S, 101]], [], []]);
  });

  it('once: an edit (re-enabling the rule) re-arms it', () => {
    const engine = new RuleEngine();
    const rule = engineRule({ id: 1, options: opts({ mode: 'once' }) });
    engine.upsertRule(rule);
    const fire = (price: number, at: number): number => engine.evaluate({ instrumentId: 1, tsMs: T0 + at, price, volume: 1 }, []);
    expect([fire(101, 0), fire(102, S)]).toEqual([1, 0]);
    engine.upsertRule({ ...rule, version: 2 });
    expect(fire(103, 2 * S)).toBe(1);
  });

  it('once_per_bar: the first qualifying tick of each bar, none after it in the same bar', () => {
    const rule = { id: 1, options: opts({ mode: 'once_per_bar', barMs: MIN }) };
    expect(
      run(
        [rule],
        [
          [101, 0],
          [102, 10 * S],
          [99, 20 * S],
          [101, 59 * S],
          [101, MIN],
          [102, MIN + 1],
        ],
      ),
    ).toEqual([[[1, 0, 101]], [], [], [], [[1, MIN, 101]], []]);
  });

  it('once_per_bar after a restart: the persisted last firing holds its bar', () => {
    const rule = { id: 1, lastTriggeredMs: T0 + 5 * S, options: opts({ mode: 'once_per_bar', barMs: MIN }) };
    expect(
      run(
        [rule],
        [
          [101, 10 * S],
          [101, MIN],
        ],
      ),
    ).toEqual([[], [[1, MIN, 101]]]);
  });

  it('once_per_bar_close: the bar close is checked when the next bar starts, stamped at the bar end', () => {
    // Above 100 on the close: bar 1 closes at 99 (no), bar 2 closes at 101 (yes) although it dipped, bar 3 has no tick until bar 5.
    const rule = { id: 1, options: opts({ mode: 'once_per_bar_close', barMs: MIN }) };
    expect(
      run(
        [rule],
        [
          [101, 0],
          [99, 30 * S],
          [98, MIN],
          [101, MIN + 30 * S],
          [102, 2 * MIN + 5 * S],
          [99, 4 * MIN],
        ],
      ),
    ).toEqual([[], [], [], [], [[1, 2 * MIN, 101]], [[1, 3 * MIN, 102]]]);
  });

  it('once_per_bar_close crossings compare closes, not ticks; volume conditions read the bar volume', () => {
    const cross = {
      id: 1,
      condition: 'crosses_above' as const,
      ruleType: 'crossover' as const,
      threshold: 100,
      options: opts({ mode: 'once_per_bar_close' }),
    };
    const volume = {
      id: 2,
      ruleType: 'volume_spike' as const,
      condition: 'volume_above' as const,
      threshold: 10,
      options: opts({ mode: 'once_per_bar_close' }),
    };
    // Bar 1 closes at 99; bar 2 spikes to 105 inside but closes at 99.5 (no cross); bar 3 closes at 100.5 (cross), with 12 lots.
    const ticks: Tick[] = [
      [99, 0, { volume: 3 }],
      [105, MIN, { volume: 3 }],
      [99.5, MIN + 1, { volume: 3 }],
      [100.5, 2 * MIN, { volume: 6 }],
      [100.6, 2 * MIN + 1, { volume: 6 }],
      [100, 3 * MIN, { volume: 1 }],
    ];
    expect(run([cross, volume], ticks)).toEqual([
      [],
      [],
      [],
      [],
      [],
      [
        [1, 3 * MIN, 100.6],
        [2, 3 * MIN, 12],
      ],
    ]);
  });
});

describe('re-arm hysteresis', () => {
  it('an above rule fires, then stays quiet until the price is back down by the value', () => {
    const rule = { id: 1, options: opts({ rearm: { by: 1, percent: false } }) };
    // Fires at 101; 100.5 is not back by 1; 100 is (re-arms, but 100 is not above 100); 100.25 fires again.
    expect(
      run(
        [rule],
        [
          [101, 0],
          [102, S],
          [100.5, 2 * S],
          [101.5, 3 * S],
          [100, 4 * S],
          [100.25, 5 * S],
        ],
      ),
    ).toEqual([[[1, 0, 101]], [], [], [], [], [[1, 5 * S, 100.25]]]);
  });

  it('a below rule re-arms when the price is back up by the percentage of the firing price', () => {
    const rule = { id: 1, condition: 'below' as const, threshold: 100, options: opts({ rearm: { by: 1, percent: true } }) };
    // Fires at 98; back up by 0.98 means 98.98: 98.9 is not, 98.98 is (and is below 100, so it fires at once).
    expect(
      run(
        [rule],
        [
          [98, 0],
          [98.9, S],
          [98.98, 2 * S],
          [99, 3 * S],
        ],
      ),
    ).toEqual([[[1, 0, 98]], [], [[1, 2 * S, 98.98]], []]);
  });

  it('re-arming and cooldown both hold: the later of the two wins', () => {
    const rule = { id: 1, cooldownSeconds: 10, options: opts({ rearm: { by: 1, percent: false } }) };
    expect(
      run(
        [rule],
        [
          [101, 0],
          [99, S],
          [101, 2 * S],
          [101, 10 * S],
        ],
      ),
    ).toEqual([[[1, 0, 101]], [], [], [[1, 10 * S, 101]]]);
  });
});

describe('expiry and price source', () => {
  it('stops firing from the expiry time on (tick time)', () => {
    const rule = { id: 1, options: opts({ expiresAtMs: T0 + 2 * S }) };
    expect(
      run(
        [rule],
        [
          [101, 0],
          [101, S],
          [101, 2 * S],
          [101, 3 * S],
        ],
      ),
    ).toEqual([[[1, 0, 101]], [[1, S, 101]], [], []]);
  });

  it('reads bid, ask or mid; a tick without them is skipped by the rule, not by others', () => {
    const bid = { id: 1, options: opts({ source: 'bid' }) };
    const mid = { id: 2, options: opts({ source: 'mid' }) };
    const last = { id: 3 };
    expect(
      run(
        [bid, mid, last],
        [
          [101, 0, { bid: 99.5, ask: 100.75 }],
          [101, S],
          [100, 2 * S, { bid: 100.25, ask: 100.5 }],
        ],
      ),
    ).toEqual([
      [
        [2, 0, 100.125],
        [3, 0, 101],
      ],
      [[3, S, 101]],
      [
        [1, 2 * S, 100.25],
        [2, 2 * S, 100.375],
      ],
    ]);
  });

  it('crossings on the bid compare with the previous bid', () => {
    const rule = { id: 1, ruleType: 'crossover' as const, condition: 'crosses_above' as const, options: opts({ source: 'bid' }) };
    expect(
      run(
        [rule],
        [
          [100.5, 0, { bid: 99.75, ask: 100 }],
          [101, S],
          [100.5, 2 * S, { bid: 100.25, ask: 100.5 }],
        ],
      ),
    ).toEqual([[], [], [[1, 2 * S, 100.25]]]);
  });
});

describe('RuleEngine ≡ NaiveEngine when the options never bind', () => {
  it.each([1, 2, 3])('seed %i: rules in the studio engine fire exactly as the floor says', (seed) => {
    const rand = seededRandom(seed);
    const pairs = FLOOR_PAIRS;
    const combined = new RuleEngine();
    const naive = new NaiveEngine();
    for (let id = 1; id <= 60; id++) {
      const [ruleType, condition] = pairs[Math.floor(rand() * pairs.length)] as (typeof pairs)[number];
      const rule = engineRule({
        id,
        ruleType,
        condition,
        threshold:
          ruleType === 'rate_of_change'
            ? Math.round(rand() * 30) / 100
            : ruleType === 'volume_spike'
              ? Math.floor(rand() * 20)
              : Math.round((100 + (rand() - 0.5) * 4) * 100) / 100,
        timeWindowSeconds: [1, 5, 30][Math.floor(rand() * 3)],
        cooldownSeconds: [0, 1, 10][Math.floor(rand() * 3)],
      });
      naive.upsertRule(rule);
      // Half go through the studio engine with an expiry that never comes; the rest stay plain (indexed).
      combined.upsertRule(rand() < 0.5 ? { ...rule, options: opts({ expiresAtMs: T0 + 1e12 }) } : rule);
    }
    let price = 100;
    let ts = T0;
    let fired = 0;
    for (let step = 0; step < 3000; step++) {
      price = Math.round((price + (rand() - 0.5) * 0.6) * 100) / 100;
      ts += Math.floor(rand() * 300);
      const tick: EngineTick = { instrumentId: 1, tsMs: ts, price, volume: Math.floor(rand() * 25) };
      const a: Firing[] = [];
      const b: Firing[] = [];
      combined.evaluate(tick, a);
      naive.evaluate(tick, b);
      const strip = (fs: Firing[]) =>
        fs.map((f) => [f.ruleId, f.tsMs, f.triggerValue, f.thresholdValue, f.previousPrice, f.referencePrice]);
      expect(strip(a)).toEqual(strip(b));
      fired += a.length;
    }
    expect(fired).toBeGreaterThan(300);
  });
});
