import { nextDown, nextUp } from './float-steps';
import { Bound, EQUALS_SEARCH, LevelIndex } from './level-index';
import { ENTRY, RearmHeap } from './rearm-heap';
import { seededRandom } from './test-support';

/** The index and heap work on a region of a shared array: put them at an offset, with neighbours they must not touch. */
const START = 40;

function region(size: number): Float64Array {
  return new Float64Array(START + size + 40).fill(-7);
}

describe('LevelIndex in a region of f', () => {
  it('keeps levels sorted with their records, and finds ranges by binary search', () => {
    const rand = seededRandom(4);
    const index = new LevelIndex(Bound.min, 0, 0, 64);
    index.start = START;
    index.laid = 64;
    const f = region(128);
    const reference: [number, number][] = [];
    for (let record = 0; record < 60; record++) {
      const level = Math.round(rand() * 20);
      index.insert(f, level, record);
      reference.push([level, record]);
    }
    // Equal levels keep insertion order: stable by record.
    reference.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const entries = (): [number, number][] =>
      Array.from({ length: index.size }, (_, i) => [f[START + i] as number, f[index.recordAt(i)] as number]);
    expect(entries()).toEqual(reference);
    expect(index.lowerBound(f, 10)).toBe(reference.findIndex(([l]) => l >= 10));
    expect(index.upperBound(f, 10)).toBe(reference.findIndex(([l]) => l > 10));
    const [level, record] = reference[17] as [number, number];
    expect(index.remove(f, level, record)).toBe(true);
    expect(index.remove(f, level, record)).toBe(false);
    index.removeRange(f, 0, 5);
    expect(entries()).toEqual([...reference.slice(5, 17), ...reference.slice(18)]);
    // Nothing outside the region was written.
    expect([f[START - 1], f[START + 128]]).toEqual([-7, -7]);
  });

  it('mirrors its bound or bracket into the header', () => {
    const f = region(32);
    const make = (role: Bound): LevelIndex => {
      const index = new LevelIndex(role, 0, 0, 16);
      index.start = START;
      index.laid = 16;
      [100, 101, 103].forEach((level, record) => index.insert(f, level, record));
      return index;
    };
    const bracket = (index: LevelIndex, price: number): number[] => {
      index.mirror(f, price);
      return [f[0] as number, f[1] as number];
    };
    // Open ends come back as the next double inwards: every bracket reads as closed.
    expect(bracket(make(Bound.crossUp), 101)).toEqual([nextUp(100), 101]);
    expect(bracket(make(Bound.crossDown), 101)).toEqual([101, nextDown(103)]);
    expect(bracket(make(Bound.equals), 102)).toEqual([101 + EQUALS_SEARCH, 103 - EQUALS_SEARCH]);
    expect(bracket(make(Bound.crossUp), NaN)).toEqual([Infinity, -Infinity]);
    const min = make(Bound.min);
    min.mirror(f, NaN);
    expect(f[0]).toBe(100);
  });
});

describe('RearmHeap in a region of f', () => {
  it('pops entries in time order with what re-arming needs, and takes a record out anywhere', () => {
    const rand = seededRandom(6);
    const heap = new RearmHeap();
    heap.start = START;
    heap.capacity = 200;
    const f = region(ENTRY * 200);
    const pending = new Map<number, number>();
    for (let record = 0; record < 150; record++) {
      const at = Math.floor(rand() * 1000);
      heap.push(f, at, record / 10, record % 7, record);
      pending.set(record, at);
    }
    for (let record = 0; record < 150; record += 3) {
      expect(heap.remove(f, record)).toBe(true);
      pending.delete(record);
    }
    expect(heap.remove(f, 0)).toBe(false);
    let last = -Infinity;
    while (heap.size > 0) {
      const at = heap.peek(f);
      const record = f[START + 3] as number;
      expect(at).toBeGreaterThanOrEqual(last);
      expect([at, f[START + 1], f[START + 2]]).toEqual([pending.get(record), record / 10, record % 7]);
      pending.delete(record);
      last = at;
      heap.pop(f);
    }
    expect(pending.size).toBe(0);
    expect(heap.peek(f)).toBe(Infinity);
    expect([f[START - 1], f[START + ENTRY * 200]]).toEqual([-7, -7]);
  });
});
