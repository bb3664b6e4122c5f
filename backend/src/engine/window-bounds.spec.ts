import * as L from './book-layout';
import { floorTrigger } from './floor-predicate';
import { PriceRing, RingArena } from './price-ring';
import { Kind } from './rule-slot';
import { seededRandom } from './test-support';
import { boundsExpire, quietHigh, quietLow, renewBounds } from './window-bounds';

const { HEADER, W_DOWN_MIN, W_EDGE, W_HEAD, W_MS, W_UP_MIN } = L;
const o = HEADER;

const fires = (kind: Kind, threshold: number, p: number, ref: number): boolean => floorTrigger(kind, threshold, p, null, 0, ref) !== null;

/**
 * A window's bound, however it is made (contained or spanning, from the exact reference entry by
 * entry or by blocks), against the contract's own predicate: no price in the quiet bracket may
 * fire a rule of the window with any reference it can have while the bound holds.
 */
describe('window bounds', () => {
  it.each([1, 2, 3, 4])('no quiet price fires with any reference the bound covers (seed %i)', (seed) => {
    const rand = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const wrong: object[] = [];
    let spanning = 0;
    let contained = 0;
    for (let run = 0; run < 40; run++) {
      const ring = new PriceRing(new RingArena());
      ring.resize(1024, 0, 0);
      const windowMs = pick([5_000, 30_000, 300_000]);
      const up = pick([0.05, 0.2, 1, 2, Infinity]);
      const down = pick([0.05, 0.2, 1, 2, up === Infinity ? 1 : Infinity]);
      const f = new Float64Array(HEADER + L.WINDOW);
      f[o + W_MS] = windowMs;
      f[o + W_HEAD] = 0;
      f[o + W_UP_MIN] = up;
      f[o + W_DOWN_MIN] = down;
      const written: [number, number][] = [];
      // Calm stretches and moves of a few percent, on a cent grid; times sometimes equal.
      let price = 10 + rand() * 1000;
      let ts = 0;
      const vol = pick([0.0002, 0.001, 0.004]);
      for (let seq = 0; seq < 600; seq++) {
        price = Math.round(price * (1 + (rand() - 0.5) * vol) * 100) / 100;
        ts += rand() < 0.1 ? 0 : Math.floor(rand() * 2000);
        ring.write(seq, ts, price);
        written.push([ts, price]);
        if (seq < 100 || rand() > 0.2) continue;
        ring.summarise(0, seq + 1);
        renewBounds(f, o, ring, seq + 1, ts, price);
        const lo = quietLow(f, o);
        const hi = quietHigh(f, o);
        // The references the window can have while the bound holds, from this tick to its expiry.
        const refs = new Set<number>();
        if (f[o + W_EDGE] === Infinity) {
          contained++;
          // Held with no end: later references are later prices, in the bracket like this one.
          for (const [at, p] of written) if (at >= ts - windowMs) refs.add(p);
          refs.add(lo).add(hi);
        } else {
          spanning++;
          // The reference changes when an entry leaves the window (times are whole milliseconds).
          const expire = boundsExpire(f, o);
          const times = [ts, ...written.map(([at]) => at + windowMs + 1).filter((t) => t > ts && t < expire)];
          let e = 0;
          for (const t of times) {
            while ((written[e] as [number, number])[0] < t - windowMs) e++;
            refs.add((written[e] as [number, number])[1]);
          }
        }
        // An open side (no rule that way) has nothing to fire.
        for (const ref of refs) {
          if ((hi < Infinity && fires(Kind.rocUp, up, hi, ref)) || (lo > -Infinity && fires(Kind.rocDown, down, lo, ref)))
            wrong.push({ up, down, lo, hi, ref });
        }
      }
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    // Both kinds were made, or the test proves little.
    expect(spanning).toBeGreaterThan(100);
    expect(contained).toBeGreaterThan(100);
  });
});
