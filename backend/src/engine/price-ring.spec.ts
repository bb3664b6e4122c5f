import { PriceRing } from './price-ring';

describe('PriceRing', () => {
  it('keeps every entry from the oldest held sequence number across growth', () => {
    const ring = new PriceRing();
    for (let i = 0; i < 200; i++) ring.push(i * 10, 100 + i, 0);
    expect(ring.seq).toBe(200);
    expect([ring.tsAt(0), ring.priceAt(0), ring.tsAt(199), ring.priceAt(199)]).toEqual([0, 100, 1990, 299]);
  });

  it('reuses slots older than the oldest held entry instead of growing', () => {
    const ring = new PriceRing();
    for (let i = 0; i < 1000; i++) ring.push(i, i, Math.max(0, i - 10));
    expect([ring.tsAt(995), ring.priceAt(999)]).toEqual([995, 999]);
  });
});
