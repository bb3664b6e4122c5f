import { RuleEngine } from '../rule-engine';
import { engineRule, S, T0 } from '../test-support';
import type { EngineRule, EngineRuleOptions, Firing } from '../types';
import type { RearmState } from './rearm-log';
import { PLAIN_OPTIONS } from './studio-rule';

type Tick = [price: number, atMs: number];

/** What the host keeps of one rule, as RulesService writes it: the last firing, the latest re-arm state. */
class Persisted {
  lastMs: number | null = null;
  rearm: RearmState | null = null;

  save(firings: Firing[], changes: RearmState[]): void {
    for (const f of firings) this.lastMs = Math.max(this.lastMs ?? -Infinity, f.tsMs);
    // The guard of the UPDATE: a change older than the stored one is stale.
    for (const c of changes) if (this.rearm === null || this.rearm.atMs <= c.atMs) this.rearm = c;
  }
}

/** Plays ticks one batch each, persisting after every batch; the firings as [ms after T0, trigger]. */
function play(engine: RuleEngine, ticks: Tick[], persisted: Persisted): [number, number][] {
  const fired: [number, number][] = [];
  for (const [price, at] of ticks) {
    const out: Firing[] = [];
    engine.evaluate({ instrumentId: 1, tsMs: T0 + at, price, volume: 1 }, out);
    persisted.save(out, engine.takeRearmChanges());
    fired.push(...out.map((f): [number, number] => [f.tsMs - T0, f.triggerValue]));
  }
  return fired;
}

/** A process started on what was persisted: the instrument's last tick, the rule with its last firing and re-arm state. */
function restart(rule: EngineRule, last: Tick, persisted: Persisted): RuleEngine {
  const engine = new RuleEngine();
  engine.seedInstrument(1, last[0], T0 + last[1]);
  engine.upsertRule({ ...rule, lastTriggeredMs: persisted.lastMs });
  const firePrice = persisted.rearm?.firePrice ?? null;
  if (firePrice !== null) engine.restoreDisarmed(rule.id, firePrice);
  return engine;
}

const byValue = (by: number): Partial<EngineRuleOptions> => ({ rearm: { by, percent: false } });

describe('re-arm hysteresis across a restart: the restarted engine fires exactly as the one that ran on', () => {
  it.each<[string, Partial<EngineRule>, Tick[], Tick[], [number, number][]]>([
    [
      'above, restarted while waiting: quiet until back down by the value',
      { options: { ...PLAIN_OPTIONS, ...byValue(1) } },
      [[101, 0]],
      [
        [101.5, S],
        [100, 2 * S],
        [100.5, 3 * S],
      ],
      [[3 * S, 100.5]],
    ],
    [
      'above, restarted after re-arming while the cooldown held the next firing',
      { cooldownSeconds: 10, options: { ...PLAIN_OPTIONS, ...byValue(1) } },
      [
        [101, 0],
        [99, S],
        [101, 2 * S],
      ],
      [[101, 10 * S]],
      [[10 * S, 101]],
    ],
    [
      'above, re-armed and fired again by one tick before the restart: waits from the new firing price',
      { options: { ...PLAIN_OPTIONS, ...byValue(1) } },
      [
        [105, 0],
        [103, S],
      ],
      [
        [103.5, 2 * S],
        [102, 3 * S],
      ],
      [[3 * S, 102]],
    ],
    [
      'below, by a percentage of the firing price',
      { condition: 'below', options: { ...PLAIN_OPTIONS, rearm: { by: 1, percent: true } } },
      [[98, 0]],
      [
        [98.9, S],
        [98.98, 2 * S],
      ],
      [[2 * S, 98.98]],
    ],
    [
      'equals, re-armed by a move either way',
      { condition: 'equals', options: { ...PLAIN_OPTIONS, ...byValue(0.5) } },
      [[100, 0]],
      [
        [100.005, S],
        [99.4, 2 * S],
        [100, 3 * S],
      ],
      [[3 * S, 100]],
    ],
    [
      'crosses above, restarted while waiting: a new crossing is quiet until the price was back down',
      { ruleType: 'crossover', condition: 'crosses_above', options: { ...PLAIN_OPTIONS, ...byValue(2) } },
      [
        [99, 0],
        [101, S],
      ],
      [
        [99.5, 2 * S],
        [100.5, 3 * S],
        [98.9, 4 * S],
        [100.2, 5 * S],
      ],
      [[5 * S, 100.2]],
    ],
  ])('%s', (_name, overrides, before, after, expected) => {
    const rule = engineRule({ id: 7, ...overrides });
    const persisted = new Persisted();
    const running = new RuleEngine();
    running.upsertRule(rule);
    play(running, before, persisted);
    const restarted = restart(rule, before[before.length - 1] as Tick, persisted);
    expect(play(restarted, after, new Persisted())).toEqual(expected);
    expect(play(running, after, new Persisted())).toEqual(expected);
  });

  it('the log keeps only the latest change of a rule, and empties when taken', () => {
    const engine = new RuleEngine();
    engine.upsertRule(engineRule({ id: 1, options: { ...PLAIN_OPTIONS, ...byValue(1) } }));
    for (const [price, at] of [
      [101, 0],
      [99, S],
      [102, 2 * S],
    ]) {
      engine.evaluate({ instrumentId: 1, tsMs: T0 + (at as number), price: price as number, volume: 1 }, []);
    }
    expect(engine.takeRearmChanges()).toEqual([{ ruleId: 1, version: 1, firePrice: 102, atMs: T0 + 2 * S }]);
    expect(engine.takeRearmChanges()).toEqual([]);
  });

  it('a rule without re-arm ignores a restored state', () => {
    const engine = new RuleEngine();
    engine.upsertRule(engineRule({ id: 1, options: { ...PLAIN_OPTIONS, mode: 'once_per_bar' } }));
    engine.restoreDisarmed(1, 101);
    const out: Firing[] = [];
    engine.evaluate({ instrumentId: 1, tsMs: T0, price: 101, volume: 1 }, out);
    expect(out.map((f) => f.ruleId)).toEqual([1]);
    expect(engine.takeRearmChanges()).toEqual([]);
  });
});
