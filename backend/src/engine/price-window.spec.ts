import { PriceWindow } from './price-window';

describe('PriceWindow', () => {
  it('returns the earliest price inside the window and evicts older ones', () => {
    const w = new PriceWindow(1000, 2);
    expect(w.push(0, 10)).toBe(10);
    expect(w.push(500, 11)).toBe(10);
    expect(w.push(1000, 12)).toBe(10);
    expect(w.push(1001, 13)).toBe(11);
    expect(w.size).toBe(3);
    expect(w.push(5000, 14)).toBe(14);
    expect(w.size).toBe(1);
  });

  it('grows past its initial capacity without losing order', () => {
    const w = new PriceWindow(10_000, 2);
    for (let i = 0; i < 100; i++) w.push(i, i);
    expect(w.size).toBe(100);
    expect(w.push(10_050, 1)).toBe(50);
  });
});
