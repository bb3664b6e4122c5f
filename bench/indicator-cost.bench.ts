/* What the indicator rules cost: the warm indicator workload through RuleEngine with the plain rules alone, the indicator rules alone, and both; prints one JSON object. */
import { parseArgs } from 'node:util';
import { RuleEngine, type EngineRule } from '../backend/src/engine';
import { HISTORY_MINUTES, indicatorHistory, withIndicators } from './indicator-mix';
import { replay, syntheticWorkload, type TickTape } from './workload';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '42' },
    passes: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
  },
});

/** One timed pass: a fresh engine loaded with the rules and fed the history (untimed), then the tape. */
function pass(rules: EngineRule[], history: TickTape, tape: TickTape): { ms: number; firings: number } {
  const engine = new RuleEngine();
  for (const r of rules) engine.upsertRule(r);
  replay(engine, history);
  global.gc?.();
  global.gc?.();
  const started = process.hrtime.bigint();
  const firings = replay(engine, tape);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, firings };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

function main(): void {
  const seed = Number(args.seed);
  const w = syntheticWorkload(1000, 100_000, 1_000_000, seed, 'steady');
  const mixed = withIndicators(w, 0.05, seed);
  const history = indicatorHistory(mixed, HISTORY_MINUTES, seed);
  const indicator = new Set(mixed.rules.filter((r, i) => r !== w.rules[i]).map((r) => r.id));
  const sets: Record<string, EngineRule[]> = {
    plain_only: mixed.rules.filter((r) => !indicator.has(r.id)),
    indicators_only: mixed.rules.filter((r) => indicator.has(r.id)),
    mixed: mixed.rules,
  };
  pass(sets.mixed!, history, { ...mixed.tape, count: 200_000 });
  const ms: Record<string, number[]> = { plain_only: [], indicators_only: [], mixed: [] };
  const firings: Record<string, number> = {};
  // Rounds alternate the three sets, so a slow minute on a shared machine falls on all of them.
  for (let round = 0; round < Number(args.rounds); round++) {
    for (const [name, rules] of Object.entries(sets)) {
      for (let i = 0; i < Number(args.passes); i++) {
        const r = pass(rules, history, mixed.tape);
        ms[name]!.push(Math.round(r.ms));
        firings[name] = r.firings;
      }
    }
  }
  const results = Object.fromEntries(
    Object.keys(sets).map((name) => [
      name,
      { rules: sets[name]!.length, firings: firings[name], ms_per_million_ticks: median(ms[name]!), passes_ms: ms[name] },
    ]),
  );
  const added = median(ms.mixed!) - median(ms.plain_only!);
  process.stdout.write(
    `${JSON.stringify({ benchmark: 'indicator-cost', node: process.version, ticks: mixed.tape.count, history_ticks: history.count, results, indicators_add_ms_per_million_ticks: added }, null, 2)}\n`,
  );
}

main();
