// The one seeded generator every fuzz test and fuzz benchmark uses. Plain JavaScript so benchmarks run it
// without a TypeScript loader; the types are in seeded-random.d.mts.

/** mulberry32: a small, fast PRNG whose whole state is one 32-bit seed, so a failing case can be replayed. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
