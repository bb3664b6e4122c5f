import type { TickUpdate } from '@tradeassist/shared-types';

interface Lane {
  lastSentMs: number;
  pending: TickUpdate | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Server-wide conflation per instrument: sends are spaced at least 1000/N ms apart (rounded up, so
 * no one-second window ever holds more than N), which also spreads them evenly for a smooth display.
 * A tick that arrives too soon replaces the pending one and goes out when its slot opens, so the
 * latest price is never lost and every client can be sent the same serialized frame.
 */
export class TickConflator {
  private readonly lanes = new Map<string, Lane>();
  private readonly intervalMs: number;

  constructor(
    maxPerSecond: number,
    private readonly send: (tick: TickUpdate) => void,
    // Monotonic, so a wall-clock step cannot open or stall the windows.
    private readonly now: () => number = () => performance.now(),
  ) {
    this.intervalMs = Math.ceil(1000 / maxPerSecond);
  }

  offer(tick: TickUpdate): void {
    let lane = this.lanes.get(tick.symbol);
    if (!lane) this.lanes.set(tick.symbol, (lane = { lastSentMs: -Infinity, pending: null, timer: null }));
    if (lane.timer === null && this.now() - lane.lastSentMs >= this.intervalMs) {
      this.emit(lane, tick);
      return;
    }
    lane.pending = tick;
    if (lane.timer === null) this.schedule(lane);
  }

  stop(): void {
    for (const lane of this.lanes.values()) if (lane.timer) clearTimeout(lane.timer);
    this.lanes.clear();
  }

  private schedule(lane: Lane): void {
    lane.timer = setTimeout(() => this.flush(lane), Math.max(0, lane.lastSentMs + this.intervalMs - this.now()));
    lane.timer.unref();
  }

  private flush(lane: Lane): void {
    lane.timer = null;
    const tick = lane.pending;
    if (!tick) return;
    // Timers may fire a little early against the clock; the spacing is the promise, so wait again.
    if (this.now() - lane.lastSentMs < this.intervalMs) return this.schedule(lane);
    lane.pending = null;
    this.emit(lane, tick);
  }

  private emit(lane: Lane, tick: TickUpdate): void {
    lane.lastSentMs = this.now();
    this.send(tick);
  }
}
