/**
 * Seeded random numbers for tests (each test states its seed, so every run draws the same data).
 */

/**
 * Uniform numbers in [0, 1) from the linear congruential generator of Numerical Recipes (a = 1664525,
 * c = 1013904223, mod 2^32).
 *
 * @example
 * const u = lcg(1); u(); // 0.23645552527159452
 */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/**
 * Uniform numbers in [0, 1) from mulberry32 (Tommy Ettinger's 32-bit generator).
 *
 * @example
 * const u = mulberry32(1); u(); // 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Integers 0 … k−1 from the C library's classic generator (a = 1103515245, c = 12345, mod 2^31).
 *
 * @example
 * const int = lcgInts(7); int(10); // 5
 */
export function lcgInts(seed: number): (k: number) => number {
  let s = seed;
  return (k) => Math.floor(((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * k);
}
