import { stat } from 'node:fs/promises';
import type { FeedContext, FeedStatus, FeedTick, MarketFeed } from './market-feed';
import { readReplayFile, type ReplayRecord } from './replay-records';

/** Waits `ms` or until `signal` aborts, whichever comes first; never rejects. Injectable for tests. */
export type Sleeper = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleeper = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

export interface ReplayFeedOptions {
  file: string | undefined;
  /** 1 = real time, 10 = ten times faster, 0 = as fast as possible. */
  speed: number;
  loop: boolean;
  sleep?: Sleeper;
}

/** Ticks per emitted batch at most; between batches the event loop gets a turn. */
export const MAX_BATCH = 1000;
/** Ticks due within this many ms of each other share a batch. */
const SLOT_MS = 1;
/** Behind schedule by more than this (a stalled process, a consumer that cannot keep up): re-anchor instead of bursting. */
const MAX_LAG_MS = 5000;
/** setTimeout cannot wait longer than 2^31-1 ms; long gaps are slept in pieces. */
const MAX_SLEEP_MS = 3_600_000;
export const MAX_BAD_LINE_WARNINGS = 50;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface PassStats {
  count: number;
  min: number;
  max: number;
}

/**
 * Replays a recorded stream with its original timestamps (the engine runs on event time), paced by the
 * gaps between them divided by the speed factor. Looping shifts each pass forward by the file's span
 * plus one average gap, so event time keeps increasing and the rhythm carries across the seam.
 */
export class ReplayFeed implements MarketFeed {
  readonly kind = 'replay';
  private readonly sleep: Sleeper;
  private running = false;
  private emitted = 0;
  private badLines = 0;
  private pass = 0;
  private detail: string | undefined;
  private abort = new AbortController();
  private done: Promise<void> = Promise.resolve();
  private anchor: { stream: number; wall: number } | null = null;
  private readonly warnedSymbols = new Set<string>();
  private generation = 0;

  constructor(private readonly options: ReplayFeedOptions) {
    this.sleep = options.sleep ?? realSleep;
  }

  async start(ctx: FeedContext): Promise<void> {
    if (this.running) return;
    // A stop() (or another start()) during the file check below wins over this start.
    const generation = ++this.generation;
    const file = this.options.file;
    const problem = file ? await fileProblem(file) : 'no replay file configured (REPLAY_FILE)';
    if (generation !== this.generation) return;
    if (problem !== null || !file) {
      this.detail = problem ?? 'no replay file';
      ctx.warn(`Replay feed not started: ${this.detail}`, { file });
      return;
    }
    this.running = true;
    this.abort = new AbortController();
    this.anchor = null;
    this.done = this.run(file, ctx).catch((error: unknown) => {
      this.detail = `replay of ${file} failed: ${error instanceof Error ? error.message : String(error)}`;
      ctx.warn(this.detail, { file });
      this.running = false;
    });
  }

  async stop(): Promise<void> {
    this.generation++;
    if (!this.running) return this.done;
    this.abort.abort();
    await this.done;
    this.detail = `stopped in pass ${this.pass} of ${this.options.file}`;
  }

  /** Resolves once the file has been played to the end, the replay failed or it was stopped. */
  finished(): Promise<void> {
    return this.done;
  }

  status(): FeedStatus {
    const detail = this.running ? `replaying ${this.options.file} at ${this.speedText()}, pass ${this.pass}` : this.detail;
    const bad = this.badLines > 0 ? `; ${this.badLines} bad line${this.badLines === 1 ? '' : 's'} skipped` : '';
    return { running: this.running, ticks_emitted: this.emitted, ...(detail !== undefined && { detail: detail + bad }) };
  }

  private speedText(): string {
    return this.options.speed > 0 ? `${this.options.speed}x` : 'full speed';
  }

  private async run(file: string, ctx: FeedContext): Promise<void> {
    let shift = 0;
    for (this.pass = 1; ; this.pass++) {
      const stats = await this.playOnce(file, ctx, shift);
      if (this.abort.signal.aborted) break;
      if (stats.count === 0) {
        if (this.pass === 1) ctx.warn(`Replay file ${file} holds no valid ticks`, { file });
        this.detail = `finished ${file}: no valid ticks`;
        break;
      }
      this.detail = `finished ${file}: ${this.emitted} ticks in ${this.pass} pass${this.pass === 1 ? '' : 'es'}`;
      if (!this.options.loop) break;
      const span = stats.max - stats.min;
      shift += span + Math.max(1, Math.round(span / Math.max(1, stats.count - 1)));
    }
    this.running = false;
  }

  private async playOnce(file: string, ctx: FeedContext, shift: number): Promise<PassStats> {
    const stats: PassStats = { count: 0, min: Infinity, max: -Infinity };
    const signal = this.abort.signal;
    let batch: FeedTick[] = [];
    const flush = (): void => {
      if (batch.length > 0) this.emit(ctx, batch);
      batch = [];
    };
    for await (const record of readReplayFile(file)) {
      if (signal.aborted) break;
      if (!record.ok) {
        // Later passes read the same file: its bad lines were reported the first time.
        if (this.pass === 1) this.reportBadLine(ctx, file, record);
        continue;
      }
      const tick = shift === 0 ? record.tick : { ...record.tick, tsMs: record.tick.tsMs + shift };
      stats.count++;
      stats.min = Math.min(stats.min, tick.tsMs);
      stats.max = Math.max(stats.max, tick.tsMs);
      if (this.options.speed > 0 && this.waitFor(tick.tsMs, ctx) > SLOT_MS) {
        flush();
        await this.sleepUntilDue(tick.tsMs, ctx, signal);
        if (signal.aborted) break;
      } else if (batch.length >= MAX_BATCH) {
        flush();
        await yieldToEventLoop();
        if (signal.aborted) break;
      }
      batch.push(tick);
    }
    if (!signal.aborted) flush();
    return stats;
  }

  /** Milliseconds until `tsMs` is due on the wall clock; re-anchors when far behind. */
  private waitFor(tsMs: number, ctx: FeedContext): number {
    const now = ctx.now();
    this.anchor ??= { stream: tsMs, wall: now };
    const wait = this.anchor.wall + (tsMs - this.anchor.stream) / this.options.speed - now;
    if (wait >= -MAX_LAG_MS) return wait;
    this.anchor.wall -= wait;
    return 0;
  }

  private async sleepUntilDue(tsMs: number, ctx: FeedContext, signal: AbortSignal): Promise<void> {
    for (let wait = this.waitFor(tsMs, ctx); wait > SLOT_MS && !signal.aborted; wait = this.waitFor(tsMs, ctx)) {
      await this.sleep(Math.min(wait, MAX_SLEEP_MS), signal);
    }
  }

  private emit(ctx: FeedContext, batch: FeedTick[]): void {
    this.warnUnknownSymbols(ctx, batch);
    this.emitted += batch.length;
    ctx.emit(batch);
  }

  /** A replay file may hold symbols nobody set up; say so once per symbol rather than let them vanish silently. */
  private warnUnknownSymbols(ctx: FeedContext, batch: readonly FeedTick[]): void {
    let active: Set<string> | undefined;
    for (const { symbol } of batch) {
      if (this.warnedSymbols.has(symbol)) continue;
      active ??= new Set(ctx.instruments().map((i) => i.symbol));
      if (active.has(symbol)) continue;
      this.warnedSymbols.add(symbol);
      ctx.warn(`Replay symbol ${symbol} is not an active instrument: its ticks are dropped until it is added or activated`, { symbol });
    }
  }

  private reportBadLine(ctx: FeedContext, file: string, record: Extract<ReplayRecord, { ok: false }>): void {
    this.badLines++;
    if (this.badLines <= MAX_BAD_LINE_WARNINGS) {
      ctx.warn(`Replay file line ${record.line} skipped: ${record.reason}`, { file, line: record.line });
    } else if (this.badLines === MAX_BAD_LINE_WARNINGS + 1) {
      ctx.warn(`Replay file has more than ${MAX_BAD_LINE_WARNINGS} bad lines; further ones are skipped and counted in the feed status`, {
        file,
        line: record.line,
      });
    }
  }
}

async function fileProblem(file: string): Promise<string | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? null : `replay file ${file} is not a regular file`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `replay file ${file} not found` : `replay file ${file} cannot be read (${code ?? 'error'})`;
  }
}
