import type { TickUpdate } from '@tradeassist/shared-types';

interface Lane {
  lastSentMs: number;
  pending: TickUpdate | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Server-wide conflation per instrument: at most maxPerSecond sends, each spaced by 1000/max ms;
 * a tick that arrives too soon replaces the pending one and goes out when its slot opens, so the
 * latest price is never lost and every client can be sent the same serialized message.
 */
export class TickConflator {
  private readonly lanes = new Map<string, Lane>();
  private readonly intervalMs: number;

  constructor(
    maxPerSecond: number,
    private readonly send: (tick: TickUpdate) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.intervalMs = 1000 / maxPerSecond;
  }

  offer(tick: TickUpdate): void {
    let lane = this.lanes.get(tick.symbol);
    if (!lane) this.lanes.set(tick.symbol, (lane = { lastSentMs: -Infinity, pending: null, timer: null }));
    const now = this.now();
    if (lane.timer === null && now - lane.lastSentMs >= this.intervalMs) {
      lane.lastSentMs = now;
      this.send(tick);
      return;
    }
    lane.pending = tick;
    if (lane.timer === null) {
      const l = lane;
      l.timer = setTimeout(() => this.flush(l), Math.max(0, l.lastSentMs + this.intervalMs - now));
      l.timer.unref();
    }
  }

  stop(): void {
    for (const lane of this.lanes.values()) if (lane.timer) clearTimeout(lane.timer);
    this.lanes.clear();
  }

  private flush(lane: Lane): void {
    lane.timer = null;
    if (!lane.pending) return;
    const tick = lane.pending;
    lane.pending = null;
    lane.lastSentMs = this.now();
    this.send(tick);
  }
}
