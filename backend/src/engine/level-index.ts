import type { RuleSlot } from './rule-slot';

/**
 * Rules sorted by threshold, so a tick finds the ones it can fire with a binary search and then
 * walks only those. Parallel arrays keep the search on a dense number array.
 */
export class LevelIndex {
  readonly levels: number[] = [];
  readonly slots: RuleSlot[] = [];

  get size(): number {
    return this.levels.length;
  }

  insert(slot: RuleSlot): void {
    const at = this.upperBound(slot.threshold);
    this.levels.splice(at, 0, slot.threshold);
    this.slots.splice(at, 0, slot);
  }

  remove(slot: RuleSlot): boolean {
    for (let i = this.lowerBound(slot.threshold); i < this.levels.length && this.levels[i] === slot.threshold; i++) {
      if (this.slots[i] === slot) {
        this.levels.splice(i, 1);
        this.slots.splice(i, 1);
        return true;
      }
    }
    return false;
  }

  /** First index whose level is ≥ value. */
  lowerBound(value: number): number {
    const levels = this.levels;
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((levels[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose level is > value. */
  upperBound(value: number): number {
    const levels = this.levels;
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((levels[mid] as number) <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
