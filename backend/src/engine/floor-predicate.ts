import { EQUALS_TOLERANCE } from '@tradeassist/shared-types';
import { Kind } from './rule-slot';

/**
 * The contract's floor predicates, literally: the value a rule of this kind fires with (price,
 * percent change or volume), or null. `ref` is the window's earliest price for rate rules.
 * The naive engine and the studio engine share it; the indexed engine must agree with it.
 */
export function floorTrigger(
  kind: Kind,
  threshold: number,
  p: number,
  prev: number | null,
  volume: number,
  ref: number | null,
): number | null {
  switch (kind) {
    case Kind.above:
      return p > threshold ? p : null;
    case Kind.below:
      return p < threshold ? p : null;
    case Kind.equals:
      return Math.abs(p - threshold) < EQUALS_TOLERANCE ? p : null;
    case Kind.crossesAbove:
      return prev !== null && prev <= threshold && p > threshold ? p : null;
    case Kind.crossesBelow:
      return prev !== null && prev >= threshold && p < threshold ? p : null;
    case Kind.volume:
      return volume > threshold ? volume : null;
    case Kind.rocUp:
    case Kind.rocDown: {
      // A zero reference (TICK, ADD can sit at 0) has no meaningful percent change.
      if (ref === null || ref === 0) return null;
      const pct = ((p - ref) / Math.abs(ref)) * 100;
      return (kind === Kind.rocUp ? pct >= threshold : pct <= -threshold) ? pct : null;
    }
    case Kind.none:
      return null;
  }
}
