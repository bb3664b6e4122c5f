/* Engine benchmark: indexed AlertEngine vs the naive all-rules scan on the same workload; prints one JSON object. */
import { parseArgs } from 'node:util';
import { AlertEngine, NaiveEngine, type EngineTick, type Firing } from '../backend/src/engine';
import { fileWorkload, syntheticWorkload, type Workload } from './workload';

interface Engine {
  upsertRule: AlertEngine['upsertRule'];
  evaluate: AlertEngine['evaluate'];
}

const { values: args } = parseArgs({
  options: {
    instruments: { type: 'string', default: '1000' },
    rules: { type: 'string', default: '100000' },
    ticks: { type: 'string', default: '2000000' },
    seed: { type: 'string', default: '42' },
  },
});

function load(engine: Engine, w: Workload): Engine {
  for (const r of w.rules) engine.upsertRule(r);
  return engine;
}

/** Throughput: no per-tick timing, one reused tick object, firings counted then dropped. */
function throughput(engine: Engine, w: Workload): { seconds: number; firings: number } {
  const tick: EngineTick = { instrumentId: 0, tsMs: 0, price: 0, volume: 0 };
  const out: Firing[] = [];
  let firings = 0;
  const { tape } = w;
  const started = process.hrtime.bigint();
  for (let i = 0; i < tape.count; i++) {
    tick.instrumentId = tape.instrument[i]!;
    tick.tsMs = tape.ts[i]!;
    tick.price = tape.price[i]!;
    tick.volume = tape.volume[i]!;
    const n = engine.evaluate(tick, out);
    if (n > 0) {
      firings += n;
      out.length = 0;
    }
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, firings };
}

/** Every firing as (tick index, rule, trigger), to compare two engines exactly; optionally times each tick. */
function record(
  engine: Engine,
  w: Workload,
  latencies: Float64Array | null,
): { seconds: number; trace: Float64Array; perRule: Map<number, number> } {
  const tick: EngineTick = { instrumentId: 0, tsMs: 0, price: 0, volume: 0 };
  const out: Firing[] = [];
  let trace = new Float64Array(1 << 16);
  let len = 0;
  const perRule = new Map<number, number>();
  const { tape } = w;
  const started = process.hrtime.bigint();
  for (let i = 0; i < tape.count; i++) {
    tick.instrumentId = tape.instrument[i]!;
    tick.tsMs = tape.ts[i]!;
    tick.price = tape.price[i]!;
    tick.volume = tape.volume[i]!;
    const t0 = latencies ? process.hrtime.bigint() : 0n;
    engine.evaluate(tick, out);
    if (latencies) latencies[i] = Number(process.hrtime.bigint() - t0);
    for (const f of out) {
      if (len + 3 > trace.length) {
        const bigger = new Float64Array(trace.length * 2);
        bigger.set(trace);
        trace = bigger;
      }
      trace[len++] = i;
      trace[len++] = f.ruleId;
      trace[len++] = f.triggerValue;
      perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    }
    out.length = 0;
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, trace: trace.subarray(0, len), perRule };
}

function identical(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
  return true;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function main(): void {
  const fromFiles = args.rules?.endsWith('.json') || args.ticks?.endsWith('.csv');
  if (fromFiles && !(args.rules?.endsWith('.json') && args.ticks?.endsWith('.csv'))) {
    throw new Error('A custom workload needs both --rules FILE.json and --ticks FILE.csv');
  }
  const w = fromFiles
    ? fileWorkload(args.rules, args.ticks)
    : syntheticWorkload(Number(args.instruments), Number(args.rules), Number(args.ticks), Number(args.seed));

  // Warm-up on a short prefix so the JIT has compiled the hot path before the timed passes.
  throughput(load(new AlertEngine(), w), { ...w, tape: { ...w.tape, count: Math.min(w.tape.count, 200_000) } });
  const fast = throughput(load(new AlertEngine(), w), w);
  const latencies = new Float64Array(w.tape.count);
  const fastTrace = record(load(new AlertEngine(), w), w, latencies);
  const naive = record(load(new NaiveEngine(), w), w, null);
  latencies.sort();
  global.gc?.();
  const same = identical(fastTrace.trace, naive.trace) && fast.firings === fastTrace.trace.length / 3;

  const result = {
    benchmark: 'engine',
    node: process.version,
    workload: {
      source: fromFiles ? { rules: args.rules, ticks: args.ticks } : 'synthetic',
      instruments: w.symbols.length,
      rules: w.rules.length,
      ticks: w.tape.count,
      ...(fromFiles ? {} : { seed: Number(args.seed) }),
    },
    indexed: {
      ticks_per_sec: Math.round(w.tape.count / fast.seconds),
      seconds: Number(fast.seconds.toFixed(3)),
      firings: fast.firings,
      latency_us: {
        p50: percentile(latencies, 0.5) / 1000,
        p99: percentile(latencies, 0.99) / 1000,
        p999: percentile(latencies, 0.999) / 1000,
        max: (latencies[latencies.length - 1] ?? 0) / 1000,
      },
    },
    naive: {
      ticks_per_sec: Math.round(w.tape.count / naive.seconds),
      seconds: Number(naive.seconds.toFixed(3)),
      firings: naive.trace.length / 3,
    },
    speedup: Number((naive.seconds / fast.seconds).toFixed(1)),
    firings_identical: same,
    heap_used_mb: Math.round(process.memoryUsage().heapUsed / 1048576),
    ...(fromFiles && {
      firings_per_rule: Object.fromEntries(w.rules.map((r, i) => [w.ruleNames[i] ?? `rule ${r.id}`, fastTrace.perRule.get(r.id) ?? 0])),
    }),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (!same) process.exitCode = 1;
}

main();
