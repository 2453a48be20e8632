/**
 * Counter-based, reproducible random numbers for the bootstrap.
 *
 * Resample r of a run with seed s draws from its own generator whose state is a hash of (s, r) only, so resample r
 * is the same whichever worker computes it, in whatever order, on whatever number of threads.
 *
 * Construction (all 32-bit integer arithmetic, identical in every JavaScript engine):
 * - key derivation: the seed (an integer in [0, 2^53)) is split into its low and high 32-bit words, the resample
 *   index likewise; the four words are chained through the SplitMix32 finaliser `mix32` (the 32-bit
 *   analogue of SplitMix64's output function: x ^= x>>>16; x *= 0x21f0aaad; x ^= x>>>15; x *= 0x735a2d97;
 *   x ^= x>>>15 — C. Wellons' "lowbias32" constants) to give a 32-bit key;
 * - the four 32-bit words of a xoshiro128** state (Blackman & Vigna 2018, https://prng.di.unimi.it/xoshiro128starstar.c)
 *   are `mix32(key + k·0x9e3779b9)` for k = 1..4 (a SplitMix32 sequence from the key);
 * - xoshiro128** then produces the uint32 stream.
 */

/** A source of uniformly distributed unsigned 32-bit integers (each call returns the next one). */
export type Uint32Source = () => number;

const GOLDEN = 0x9e3779b9;

/**
 * SplitMix32 finaliser: a bijective 32-bit avalanche hash (lowbias32 constants by C. Wellons).
 *
 * @example
 * mix32(0) // 0
 * mix32(1) !== mix32(2) // true
 */
export function mix32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x21f0aaad);
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

function hi32(v: number): number {
  return Math.floor(v / 4294967296) >>> 0;
}

function checkCounter(v: number, what: string): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${what} must be an integer in [0, 2^53), got ${v}`);
}

/**
 * The 32-bit key of resample `r` under `seed`: SplitMix32 chained over the low/high words of seed and r.
 *
 * @example
 * resampleKey(123, 0) === resampleKey(123, 0) // true
 * resampleKey(123, 0) !== resampleKey(123, 1) // true
 */
export function resampleKey(seed: number, r: number): number {
  checkCounter(seed, 'seed');
  checkCounter(r, 'resample index');
  let k = mix32((seed >>> 0) + GOLDEN);
  k = mix32((k ^ hi32(seed)) + GOLDEN);
  k = mix32((k ^ (r >>> 0)) + GOLDEN);
  k = mix32((k ^ hi32(r)) + GOLDEN);
  return k;
}

/**
 * xoshiro128** over an explicit 4-word state (Blackman & Vigna 2018). Exposed so tests can check it against the
 * reference C implementation.
 *
 * @example
 * const next = xoshiro128ss([1, 2, 3, 4]);
 * next() // 11520 (the reference C code's first output for this state)
 */
export function xoshiro128ss(state: ArrayLike<number>): Uint32Source {
  let s0 = state[0] >>> 0;
  let s1 = state[1] >>> 0;
  let s2 = state[2] >>> 0;
  let s3 = state[3] >>> 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  return () => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
}

/**
 * The generator of resample `r` under `seed`: xoshiro128** seeded by a SplitMix32 sequence from
 * {@link resampleKey}(seed, r). Depends on (seed, r) only.
 *
 * @example
 * const a = createResampleRng(7, 3), b = createResampleRng(7, 3);
 * a() === b() // true
 */
export function createResampleRng(seed: number, r: number): Uint32Source {
  const key = resampleKey(seed, r);
  const st = [0, 0, 0, 0];
  for (let k = 0; k < 4; k++) st[k] = mix32((key + Math.imul(k + 1, GOLDEN)) >>> 0);
  return xoshiro128ss(st);
}

/**
 * An unbiased uniform integer in [0, n) from a uint32 source, by rejection: draws x ≥ 2^32 − (2^32 mod n) are
 * rejected, then x mod n is returned.
 *
 * @example
 * uniformInt(xoshiro128ss([1, 2, 3, 4]), 10) // 0 (11520 mod 10)
 */
export function uniformInt(next: Uint32Source, n: number): number {
  if (!(n >= 1 && n <= 4294967296 && Number.isInteger(n))) throw new RangeError(`n must be an integer in [1, 2^32], got ${n}`);
  const limit = 4294967296 - (4294967296 % n);
  let x = next();
  while (x >= limit) x = next();
  return x % n;
}

/**
 * Row counts of one bootstrap resample: n rows drawn with replacement (n uniform draws from [0, n)), returned as
 * how often each row was drawn (a multinomial(n; 1/n, …, 1/n) vector summing to n). Depends only on (n, seed, r),
 * or on the injected `rng` when given (for tests). Written into `into` (length n, overwritten) when given, so a
 * loop over resamples can reuse one buffer; else into a new array.
 *
 * @example
 * const c = resampleCounts(250, 123, 0);
 * c.reduce((a, b) => a + b, 0) // 250
 */
export function resampleCounts(n: number, seed: number, r: number, rng?: Uint32Source, into?: Uint32Array): Uint32Array {
  const counts = into ? into.fill(0) : new Uint32Array(n);
  if (rng || !(n >= 1 && n <= 4294967296 && Number.isInteger(n))) {
    const next = rng ?? createResampleRng(seed, r);
    for (let i = 0; i < n; i++) counts[uniformInt(next, n)]++;
    return counts;
  }
  // The same stream as createResampleRng + uniformInt, with the generator's state in locals (no call per draw).
  const key = resampleKey(seed, r);
  let s0 = mix32((key + Math.imul(1, GOLDEN)) >>> 0);
  let s1 = mix32((key + Math.imul(2, GOLDEN)) >>> 0);
  let s2 = mix32((key + Math.imul(3, GOLDEN)) >>> 0);
  let s3 = mix32((key + Math.imul(4, GOLDEN)) >>> 0);
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const limit = 4294967296 - (4294967296 % n);
  for (let i = 0; i < n; i++) {
    let x: number;
    do {
      const m = Math.imul(s1, 5);
      x = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    } while (x >= limit);
    // x mod n without a floating-point remainder (x ≥ 2^31 is a double in V8, and % on doubles calls fmod):
    // ⌊x / n⌋ is exact here (x, n < 2^32: the quotient's rounding error is below its distance to the next
    // integer, 1/n), so x − ⌊x / n⌋·n is exactly x mod n
    counts[x - Math.floor(x / n) * n]++;
  }
  return counts;
}
