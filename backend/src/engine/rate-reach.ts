/**
 * Rate-of-change rules in price terms, so that a book can fold them into the one price bracket its
 * ticks are tested against: a tick of a rate rule's instrument then reads no reference at all
 * until its price comes near a threshold.
 *
 * All of these are conservative: a bound sits a relative 1e-9 on the quiet side of the exact one,
 * many orders of magnitude more than the rounding of `((p − ref) / |ref|) * 100` and of the bound
 * itself, so a price within it cannot fire whatever the rounding. When the references are not all
 * positive (the percent change is then not monotonic in them) or a threshold is not positive (a
 * reference equal to the price fires it), there is no bound: every price must be checked.
 */

/** Given every reference ≥ lo: the highest price that cannot fire an up rule of smallest threshold `up` (percent; +∞ when none is armed). */
export function upLimit(lo: number, up: number): number {
  if (up === Infinity) return Infinity;
  if (!(lo > 0 && up > 0)) return -Infinity;
  return lo * (1 + up / 100) * (1 - 1e-9);
}

/** Given every reference in [lo, hi]: the lowest price that cannot fire a down rule of smallest threshold `down`. */
export function downLimit(lo: number, hi: number, down: number): number {
  if (down === Infinity) return -Infinity;
  // From 100 % down a positive price could only fire through rounding: keep checking.
  if (!(lo > 0 && down > 0 && down < 100)) return Infinity;
  return hi * (1 - down / 100 + 1e-9);
}

/**
 * The largest hi / lo such that while every reference and the price lie in [lo, hi] (lo > 0), no
 * rule with these smallest thresholds can fire, whatever the references are; 0 when there is none.
 */
export function quietRatio(up: number, down: number): number {
  const byUp = up === Infinity ? Infinity : up > 0 ? (1 + up / 100) * (1 - 1e-9) : 0;
  const byDown = down === Infinity ? Infinity : down > 0 && down < 100 ? 1 / (1 - down / 100 + 1e-9) : 0;
  return Math.min(byUp, byDown);
}
