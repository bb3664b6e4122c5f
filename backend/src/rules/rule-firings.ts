import { Injectable } from '@nestjs/common';

/** Alerts per rule id with a tick time from sinceMs on (only ruleId's when given; a rule without any is absent). */
export type FiringCounter = (sinceMs: number, ruleId?: number) => Promise<Map<number, number>>;

const DAY_MS = 86_400_000;

/**
 * Today's firing counts for rule listings. The alerts module owns alert_logs and depends on this
 * module, so it supplies the counter at boot instead of this module reaching into its table.
 */
@Injectable()
export class RuleFirings {
  private counter: FiringCounter | null = null;

  countWith(counter: FiringCounter): void {
    this.counter = counter;
  }

  /** Per rule id, its alerts since 00:00 UTC today. */
  today(ruleId?: number, now = Date.now()): Promise<Map<number, number>> {
    if (!this.counter) throw new Error('No firing counter: AlertsModule supplies it at boot');
    return this.counter(now - (now % DAY_MS), ruleId);
  }
}
