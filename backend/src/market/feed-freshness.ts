/** Ticks per second over the last minute (a ring of per-second counters) and the time of the last tick. */
export class FeedFreshness {
  private readonly counts = new Uint32Array(60);
  private readonly seconds = new Float64Array(60);
  private lastWallMs: number | null = null;
  private lastTickTsMs: number | null = null;

  record(count: number, lastTickTsMs: number, nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    const slot = second % 60;
    if (this.seconds[slot] !== second) {
      this.seconds[slot] = second;
      this.counts[slot] = 0;
    }
    this.counts[slot] = (this.counts[slot] ?? 0) + count;
    this.lastWallMs = nowMs;
    if (this.lastTickTsMs === null || lastTickTsMs > this.lastTickTsMs) this.lastTickTsMs = lastTickTsMs;
  }

  ticksLastMinute(nowMs: number): number {
    const now = Math.floor(nowMs / 1000);
    let total = 0;
    for (let i = 0; i < 60; i++) if (now - (this.seconds[i] ?? 0) < 60) total += this.counts[i] ?? 0;
    return total;
  }

  /** Wall-clock seconds since a tick last arrived; null before the first. */
  stalenessSeconds(nowMs: number): number | null {
    return this.lastWallMs === null ? null : (nowMs - this.lastWallMs) / 1000;
  }

  /** Event time of the newest tick received. */
  lastTickTs(): number | null {
    return this.lastTickTsMs;
  }
}
