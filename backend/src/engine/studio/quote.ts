import type { PriceSource } from '@tradeassist/shared-types';
import type { EngineTick } from '../types';

/** The four prices a rule may read, NaN when a tick lacks them (no bid/ask). */
export class Quote {
  last = NaN;
  bid = NaN;
  ask = NaN;
  mid = NaN;

  of(source: PriceSource): number {
    switch (source) {
      case 'last':
        return this.last;
      case 'bid':
        return this.bid;
      case 'ask':
        return this.ask;
      case 'mid':
        return this.mid;
    }
  }

  /** By source code (SOURCE_CODE: last, bid, ask, mid from 0), as series entries keep it. */
  ofCode(code: number): number {
    return code === 0 ? this.last : code === 1 ? this.bid : code === 2 ? this.ask : this.mid;
  }

  setFrom(tick: EngineTick): void {
    this.last = tick.price;
    this.bid = tick.bid ?? NaN;
    this.ask = tick.ask ?? NaN;
    this.mid = (this.bid + this.ask) / 2;
  }

  /** Keeps the prices of the last tick that had each (a tick without bid/ask leaves them as they were). */
  merge(q: Quote): void {
    if (q.last === q.last) this.last = q.last;
    if (q.bid === q.bid) this.bid = q.bid;
    if (q.ask === q.ask) this.ask = q.ask;
    if (q.mid === q.mid) this.mid = q.mid;
  }
}
