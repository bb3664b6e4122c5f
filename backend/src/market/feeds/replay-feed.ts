import { existsSync } from 'node:fs';
import type { FeedContext, FeedStatus, FeedTick, MarketFeed } from './market-feed';
import { readReplayFile } from './replay-records';

const FAST_BATCH = 1000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());

/**
 * Replays a recorded stream with its original timestamps (the engine runs on event time), paced by
 * the gaps between them divided by the speed factor; speed 0 replays as fast as possible.
 */
export class ReplayFeed implements MarketFeed {
  readonly kind = 'replay';
  private running = false;
  private emitted = 0;
  private detail: string | undefined;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string | undefined,
    private readonly speed: number,
    private readonly loop: boolean,
  ) {}

  start(ctx: FeedContext): Promise<void> {
    if (!this.file || !existsSync(this.file)) {
      this.detail = this.file ? `replay file ${this.file} not found` : 'REPLAY_FILE is not set';
      ctx.warn(`Replay feed not started: ${this.detail}`);
      return Promise.resolve();
    }
    this.running = true;
    this.done = this.run(this.file, ctx).catch((error: unknown) => {
      this.detail = `replay failed: ${error instanceof Error ? error.message : String(error)}`;
      ctx.warn(this.detail);
      this.running = false;
    });
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  /** Resolves when the file has been played to the end (or stopped); for tests and scripts. */
  finished(): Promise<void> {
    return this.done;
  }

  status(): FeedStatus {
    return { running: this.running, ticks_emitted: this.emitted, ...(this.detail && { detail: this.detail }) };
  }

  private async run(file: string, ctx: FeedContext): Promise<void> {
    let shift = 0;
    do {
      const span = await this.playOnce(file, ctx, shift);
      if (span === null) break;
      shift += span;
    } while (this.loop && this.running);
    if (this.running) this.detail = `finished ${file}`;
    this.running = false;
  }

  /** Plays the file once with timestamps shifted; returns the span to shift the next loop by, or null if stopped. */
  private async playOnce(file: string, ctx: FeedContext, shift: number): Promise<number | null> {
    let first: number | null = null;
    let last = 0;
    let wallStart = ctx.now();
    let batch: FeedTick[] = [];
    const flush = (): void => {
      if (batch.length === 0) return;
      this.emitted += batch.length;
      ctx.emit(batch);
      batch = [];
    };
    for await (const record of readReplayFile(file)) {
      if (!this.running) return null;
      if ('reason' in record) {
        ctx.warn(`Replay file line ${record.line} skipped: ${record.reason}`, { file, line: record.line });
        continue;
      }
      const tick = { ...record.tick, tsMs: record.tick.tsMs + shift };
      if (first === null) {
        first = tick.tsMs;
        wallStart = ctx.now();
      }
      last = tick.tsMs;
      if (this.speed > 0) {
        const dueIn = wallStart + (tick.tsMs - first) / this.speed - ctx.now();
        if (dueIn > 1) {
          flush();
          await sleep(dueIn);
        }
      } else if (batch.length >= FAST_BATCH) {
        flush();
        await new Promise((r) => setImmediate(r));
      }
      batch.push(tick);
    }
    flush();
    return first === null ? null : last - first + 1;
  }
}
