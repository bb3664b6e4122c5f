/** A rule's re-arm (hysteresis) state as of a tick time: what the host persists so a restart resumes it. */
export interface RearmState {
  ruleId: number;
  /** An edit starts the hysteresis over (a new version): a state of an older version is stale. */
  version: number;
  /** The firing price the rule waits to move back from; null once it has re-armed. */
  firePrice: number | null;
  /** Tick time of the change: writes from batches in flight together may land out of order. */
  atMs: number;
}

/** Hysteresis changes since the host last took them, the latest per rule (a batch may fire, re-arm and fire again). */
export class RearmLog {
  private readonly latest = new Map<number, RearmState>();

  note(state: RearmState): void {
    this.latest.set(state.ruleId, state);
  }

  take(): RearmState[] {
    const changes = [...this.latest.values()];
    this.latest.clear();
    return changes;
  }
}
