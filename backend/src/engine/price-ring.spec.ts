import { BLOCK, PriceRing, RingArena, SLACK } from './price-ring';
import { seededRandom } from './test-support';

describe('RingArena', () => {
  it('hands out disjoint regions and reuses a released one of the same size', () => {
    const arena = new RingArena();
    // A region holds (ts, price) pairs for its entries and the slack past them.
    const size = (capacity: number): number => 2 * (capacity + SLACK);
    const a = arena.allocate(256);
    const b = arena.allocate(256);
    const c = arena.allocate(4096);
    expect([a, b, c]).toEqual([0, size(256), 2 * size(256)]);
    arena.release(a, 256);
    expect(arena.allocate(512)).toBe(c + size(4096));
    expect(arena.allocate(256)).toBe(a);
    // Growing the arena keeps what the regions hold.
    arena.data[b] = 42;
    arena.allocate(1 << 20);
    expect(arena.data[b]).toBe(42);
  });
});

describe('PriceRing', () => {
  /** The ring's entries and block summaries against a plain list of what was written. */
  function check(ring: PriceRing, written: [number, number][], from: number, to: number): void {
    for (let s = from; s < to; s++) expect([ring.ts(s), ring.price(s)]).toEqual(written[s]);
    for (let s = from - (from % BLOCK); s < to; s += BLOCK) {
      const prices = written.slice(Math.max(s, from), Math.min(s + BLOCK, to)).map(([, p]) => p);
      // A summary may also cover older entries of its block: it is a superset, never narrower.
      expect(ring.blockMin(s)).toBeLessThanOrEqual(Math.min(...prices));
      expect(ring.blockMax(s)).toBeGreaterThanOrEqual(Math.max(...prices));
    }
  }

  it('keeps entries and exact block summaries across wraps and moves', () => {
    const rand = seededRandom(9);
    const arena = new RingArena();
    const ring = new PriceRing(arena);
    // Another ring in the same arena, so that a move has neighbours to avoid.
    const other = new PriceRing(arena);
    other.resize(64, 0, 0);
    const written: [number, number][] = [];
    let oldest = 0;
    ring.resize(64, 0, 0);
    for (let s = 0; s < 5000; s++) {
      if (s - oldest >= ring.capacity) {
        // Like a book: drop old blocks, or grow when the window still needs them.
        if (rand() < 0.7) oldest = s - (s % BLOCK) - BLOCK;
        else ring.resize(2 * ring.capacity, oldest, s);
      }
      const entry: [number, number] = [1000 * s, Math.round(rand() * 1e4) / 100];
      written.push(entry);
      ring.write(s, entry[0], entry[1]);
      if (rand() < 0.2) {
        ring.summarise(oldest, s + 1);
        check(ring, written, oldest, s + 1);
      }
    }
    ring.summarise(oldest, written.length);
    check(ring, written, oldest, written.length);
    // Exact on blocks written whole after the ring's last move.
    const last = written.length - BLOCK - (written.length % BLOCK);
    const block = written.slice(last, last + BLOCK).map(([, p]) => p);
    expect([ring.blockMin(last), ring.blockMax(last)]).toEqual([Math.min(...block), Math.max(...block)]);
    expect(ring.capacity).toBeGreaterThan(64);
  });

  it('takes entries written past its end, into the slack, back to their places at its start', () => {
    const arena = new RingArena();
    const ring = new PriceRing(arena);
    ring.resize(256, 0, 0);
    // Another ring right after, whose region the slack must not reach into.
    const other = new PriceRing(arena);
    other.resize(64, 0, 0);
    other.write(0, -1, -1);
    expect(ring.end).toBeLessThanOrEqual(other.position(0));
    // As the fast path does: from the position of entry 250 on, one pair after the other.
    let pos = ring.position(250);
    for (let s = 250; s < 256 + SLACK; s++, pos += 2) {
      arena.data[pos] = 1000 * s;
      arena.data[pos + 1] = s / 100;
    }
    expect(pos).toBe(ring.end);
    ring.unwrap(pos);
    for (let s = 250; s < 256 + SLACK; s++) expect([ring.ts(s), ring.price(s)]).toEqual([1000 * s, s / 100]);
    expect([other.ts(0), other.price(0)]).toEqual([-1, -1]);
    // Nothing past the end: nothing moves.
    ring.write(0, 7, 7);
    ring.unwrap(ring.position(1));
    expect([ring.ts(0), ring.price(0)]).toEqual([7, 7]);
  });

  it('makes the summary of a block with a NaN price unbounded', () => {
    const ring = new PriceRing(new RingArena());
    ring.resize(64, 0, 0);
    [10, NaN, 12].forEach((p, s) => ring.write(s, s, p));
    ring.summarise(0, 3);
    expect([ring.blockMin(0), ring.blockMax(0)]).toEqual([-Infinity, Infinity]);
  });
});
