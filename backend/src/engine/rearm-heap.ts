import type { RuleSlot } from './rule-slot';

/**
 * Min-heap of level-triggered rules waiting out their cooldown, keyed by the tick time at which
 * they may fire again. An entry carries the slot's generation so an edited rule's stale entry is ignored.
 */
export class RearmHeap {
  private readonly at: number[] = [];
  private readonly slots: RuleSlot[] = [];
  private readonly generations: number[] = [];

  get size(): number {
    return this.at.length;
  }

  /** Tick time of the earliest re-arm, or +∞. */
  peek(): number {
    return this.at.length > 0 ? (this.at[0] as number) : Infinity;
  }

  push(atMs: number, slot: RuleSlot): void {
    this.at.push(atMs);
    this.slots.push(slot);
    this.generations.push(slot.generation);
    this.up(this.at.length - 1);
  }

  /** Removes the earliest entry; returns its slot if the entry is still current, else null. */
  pop(): RuleSlot | null {
    const slot = this.slots[0] as RuleSlot;
    const generation = this.generations[0] as number;
    const last = this.at.length - 1;
    this.swap(0, last);
    this.at.pop();
    this.slots.pop();
    this.generations.pop();
    if (this.at.length > 1) this.down(0);
    return slot.generation === generation ? slot : null;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.at[parent] as number) <= (this.at[i] as number)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.at.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < n && (this.at[l] as number) < (this.at[smallest] as number)) smallest = l;
      if (r < n && (this.at[r] as number) < (this.at[smallest] as number)) smallest = r;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  // Plain temporaries: destructuring swaps allocate arrays on this hot path.
  private swap(a: number, b: number): void {
    const at = this.at[a] as number;
    this.at[a] = this.at[b] as number;
    this.at[b] = at;
    const slot = this.slots[a] as RuleSlot;
    this.slots[a] = this.slots[b] as RuleSlot;
    this.slots[b] = slot;
    const generation = this.generations[a] as number;
    this.generations[a] = this.generations[b] as number;
    this.generations[b] = generation;
  }
}
