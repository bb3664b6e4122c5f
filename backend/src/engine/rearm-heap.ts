import type { LevelIndex } from './level-index';
import type { RuleSlot } from './rule-slot';

/**
 * Min-heap of level-triggered rules waiting out their cooldown, keyed by the tick time at which
 * they may fire again. An entry carries what re-arming needs (the rule's level and the index to
 * put it back in), so re-arming never reads the rule object, whose memory is usually cold by then.
 * Every entry is current: a rule that is edited or removed is taken out at once (rare).
 *
 * Layout: `keys` holds [re-arm time, level] pairs, `refs` the matching [slot, index] pairs.
 */
export class RearmHeap {
  keys = new Float64Array(32);
  refs: (RuleSlot | LevelIndex | null)[] = new Array<RuleSlot | LevelIndex | null>(32).fill(null);
  size = 0;

  /** Tick time of the earliest re-arm, or +∞. */
  peek(): number {
    return this.size > 0 ? (this.keys[0] as number) : Infinity;
  }

  push(atMs: number, level: number, slot: RuleSlot, index: LevelIndex): void {
    if (2 * this.size === this.keys.length) this.grow();
    this.place(this.size++, atMs, level, slot, index);
  }

  /** Drops the earliest entry (read it first through keys[0..1] and refs[0..1]). */
  pop(): void {
    this.removeAt(0);
  }

  /** Takes a rule out wherever it sits; false if it is not here. */
  remove(slot: RuleSlot): boolean {
    for (let i = 0; i < this.size; i++) {
      if (this.refs[2 * i] === slot) {
        this.removeAt(i);
        return true;
      }
    }
    return false;
  }

  /** Fills the hole at `hole` with the last entry, sifted up or down as its key requires. */
  private removeAt(hole: number): void {
    const keys = this.keys;
    const refs = this.refs;
    const n = --this.size;
    const atMs = keys[2 * n] as number;
    const level = keys[2 * n + 1] as number;
    const slot = refs[2 * n] as RuleSlot;
    const index = refs[2 * n + 1] as LevelIndex;
    refs[2 * n] = refs[2 * n + 1] = null;
    if (hole === n) return;
    if (hole > 0 && (keys[2 * ((hole - 1) >> 1)] as number) > atMs) {
      this.place(hole, atMs, level, slot, index);
      return;
    }
    let i = hole;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (keys[2 * r] as number) < (keys[2 * l] as number) ? r : l;
      if ((keys[2 * c] as number) >= atMs) break;
      this.move(c, i);
      i = c;
    }
    keys[2 * i] = atMs;
    keys[2 * i + 1] = level;
    refs[2 * i] = slot;
    refs[2 * i + 1] = index;
  }

  /** Sifts an entry up from position i (a free position) to where its key belongs. */
  private place(i: number, atMs: number, level: number, slot: RuleSlot, index: LevelIndex): void {
    const keys = this.keys;
    const refs = this.refs;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[2 * parent] as number) <= atMs) break;
      this.move(parent, i);
      i = parent;
    }
    keys[2 * i] = atMs;
    keys[2 * i + 1] = level;
    refs[2 * i] = slot;
    refs[2 * i + 1] = index;
  }

  private move(from: number, to: number): void {
    const keys = this.keys;
    const refs = this.refs;
    keys[2 * to] = keys[2 * from] as number;
    keys[2 * to + 1] = keys[2 * from + 1] as number;
    refs[2 * to] = refs[2 * from] as RuleSlot;
    refs[2 * to + 1] = refs[2 * from + 1] as LevelIndex;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    for (let i = this.refs.length; i < keys.length; i++) this.refs.push(null);
  }
}
