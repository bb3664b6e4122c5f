/**
 * The neighbouring doubles of a number, so that an open interval (a, b) can be stored as the
 * closed one [nextUp(a), nextDown(b)] and tested with `>=` / `<=` like the others: the engine
 * folds brackets of both kinds into one, and a bracket must be exact to the last bit.
 * Done on the two 32-bit halves of the double: BigInt arithmetic would allocate on every call.
 */
const bits = new Float64Array(1);
const halves = new Uint32Array(bits.buffer);
/** Which half holds the low bits of the significand: the platform's byte order decides. */
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

/** The smallest double above x (+∞ stays +∞, NaN stays NaN). */
export function nextUp(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = x;
  // Doubles of one sign are ordered as their bit patterns: away from zero is one more.
  const low = halves[LOW] as number;
  if (x > 0) {
    halves[LOW] = low + 1;
    if (low === 0xffffffff) halves[HIGH] = (halves[HIGH] as number) + 1;
  } else {
    halves[LOW] = low - 1;
    if (low === 0) halves[HIGH] = (halves[HIGH] as number) - 1;
  }
  return bits[0];
}

/** The largest double below x (−∞ stays −∞, NaN stays NaN). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}
