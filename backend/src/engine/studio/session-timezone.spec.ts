import type { MarketSession } from '@tradeassist/shared-types';
import { RuleEngine } from '../rule-engine';
import { engineRule } from '../test-support';
import type { EngineRuleOptions, Firing } from '../types';
import { PLAIN_OPTIONS } from './studio-rule';

/** Weekdays 08:00–16:30, naming no timezone: the instrument's applies. */
const OFFICE_HOURS: MarketSession = { kind: 'custom', windows: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '16:30' }] };
// Wednesday 15 July 2026: 07:30 UTC is 08:30 in London (BST) and 03:30 in New York (EDT); 16:00 UTC is 17:00 and 12:00.
const LONDON_MORNING = Date.parse('2026-07-15T07:30:00Z');
const NEW_YORK_NOON = Date.parse('2026-07-15T16:00:00Z');

function sessionRule(id: number, o: Partial<EngineRuleOptions> = {}) {
  return engineRule({ id, options: { ...PLAIN_OPTIONS, session: OFFICE_HOURS, ...o } });
}

/** The ids of the rules a tick of instrument 1 at 101 (above their 100) fires. */
function fire(engine: RuleEngine, tsMs: number): number[] {
  const out: Firing[] = [];
  engine.evaluate({ instrumentId: 1, tsMs, price: 101, volume: 1 }, out);
  return out.map((f) => f.ruleId);
}

describe("custom sessions in the instrument's timezone", () => {
  it.each([
    ['Europe/London', [[1], []]],
    ['America/New_York', [[], [1]]],
    [null, [[], [1]]],
  ] as const)('instrument in %s (null: never set, the default)', (timezone, expected) => {
    const engine = new RuleEngine();
    if (timezone) engine.setTimezone(1, timezone);
    engine.upsertRule(sessionRule(1));
    expect([fire(engine, LONDON_MORNING), fire(engine, NEW_YORK_NOON)]).toEqual(expected);
  });

  it("a session's own timezone wins over the instrument's", () => {
    const engine = new RuleEngine();
    engine.setTimezone(1, 'America/New_York');
    engine.upsertRule(sessionRule(1, { session: { ...OFFICE_HOURS, timezone: 'Europe/London' } }));
    expect([fire(engine, LONDON_MORNING), fire(engine, NEW_YORK_NOON)]).toEqual([[1], []]);
  });

  it("follows a change of the instrument's timezone, keeping each rule's firing state", () => {
    const engine = new RuleEngine();
    engine.setTimezone(1, 'Europe/London');
    engine.upsertRule(sessionRule(1, { mode: 'once' }));
    engine.upsertRule(sessionRule(2));
    expect(fire(engine, LONDON_MORNING)).toEqual([1, 2]);
    engine.setTimezone(1, 'America/New_York');
    // 07:31 UTC is before the New York morning; at its noon rule 2 fires, rule 1 has fired its once already.
    expect([fire(engine, LONDON_MORNING + 60_000), fire(engine, NEW_YORK_NOON)]).toEqual([[], [2]]);
  });
});
