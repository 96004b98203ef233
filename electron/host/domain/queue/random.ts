/**
 * mulberry32: a tiny seeded PRNG (32-bit state, passes PractRand to 2^32 outputs), plenty for a
 * simulated hall and identical on every machine, which Math.random is not allowed to be.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
