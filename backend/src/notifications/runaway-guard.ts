/**
 * Notices a rule firing more than `limit` times within `windowMs`: it keeps each rule's last
 * limit + 1 firing times, so the check is one comparison and memory stays bounded per rule.
 */
export class RunawayGuard {
  private readonly recent = new Map<number, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records a firing; true while the rule is firing too often (its notifications should be digested). */
  note(ruleId: number, nowMs: number): boolean {
    let times = this.recent.get(ruleId);
    if (!times) this.recent.set(ruleId, (times = []));
    times.push(nowMs);
    if (times.length > this.limit + 1) times.shift();
    return times.length > this.limit && nowMs - (times[0] as number) < this.windowMs;
  }
}
