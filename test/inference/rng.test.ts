import { describe, expect, it } from 'vitest';
import { createResampleRng, mix32, resampleCounts, resampleKey, uniformInt, xoshiro128ss } from '../../src/inference/rng.js';

describe('xoshiro128**', () => {
  it('matches the reference C implementation (prng.di.unimi.it/xoshiro128starstar.c, compiled with gcc) for state {1,2,3,4}', () => {
    const next = xoshiro128ss([1, 2, 3, 4]);
    expect([next(), next(), next(), next(), next(), next()]).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });
  it('matches the reference C implementation for a state with high bits set', () => {
    const next = xoshiro128ss([0x9e3779b9, 0xdeadbeef, 0x12345678, 0xffffffff]);
    expect([next(), next(), next(), next()]).toEqual([1162347276, 1472368062, 4030867362, 95343704]);
  });
  it('never returns the all-zero fixed point', () => {
    const next = xoshiro128ss([0, 0, 0, 0]);
    const xs = Array.from({ length: 8 }, () => next());
    expect(xs.some((x) => x !== 0)).toBe(true);
  });
});

describe('mix32 (SplitMix32 / lowbias32 finaliser)', () => {
  it('matches the same constants computed in C (uint32 arithmetic)', () => {
    expect(mix32(1)).toBe(2261973619);
    expect(mix32(0xdeadbeef)).toBe(707447538);
    expect(mix32(0)).toBe(0);
  });
});

describe('counter-based resample generator', () => {
  it('resample r depends only on (seed, r): same stream in any order of creation', () => {
    const a = createResampleRng(123, 7);
    createResampleRng(123, 6)();
    const b = createResampleRng(123, 7);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });
  it('different r or seed give different keys and streams', () => {
    const keys = new Set<number>();
    for (let s = 0; s < 20; s++) for (let r = 0; r < 50; r++) keys.add(resampleKey(s, r));
    expect(keys.size).toBe(1000);
    expect(createResampleRng(1, 0)()).not.toBe(createResampleRng(2, 0)());
    expect(resampleKey(2 ** 40, 0)).not.toBe(resampleKey(0, 0)); // the high seed word matters
  });
  it('rejects seeds and indices that are not safe non-negative integers', () => {
    expect(() => resampleKey(-1, 0)).toThrow(RangeError);
    expect(() => resampleKey(1.5, 0)).toThrow(RangeError);
    expect(() => resampleKey(1, 2 ** 53)).toThrow(RangeError);
  });
});

describe('uniformInt', () => {
  it('rejects draws at or above 2^32 − (2^32 mod n) (hand case: n = 3, limit = 2^32 − 1)', () => {
    const seq = [0xffffffff, 5];
    let i = 0;
    expect(uniformInt(() => seq[i++], 3)).toBe(2); // 0xffffffff rejected, 5 mod 3 = 2
    expect(i).toBe(2);
  });
  it('is close to uniform (chi-square over 10 cells, 100 000 draws, df = 9: 99.99% quantile 33.7)', () => {
    const next = createResampleRng(99, 0);
    const cells = new Array(10).fill(0);
    for (let k = 0; k < 100000; k++) cells[uniformInt(next, 10)]++;
    const chi2 = cells.reduce((s, c) => s + (c - 10000) ** 2 / 10000, 0);
    expect(chi2).toBeLessThan(33.7);
  });
});

describe('resampleCounts', () => {
  it('x − ⌊x / n⌋·n equals x mod n for every uint32 x and n ≤ 2^32 tried (the inlined draw relies on it)', () => {
    const next = createResampleRng(99, 1);
    for (let t = 0; t < 200_000; t++) {
      const x = t < 1000 ? 4294967295 - t : next();
      const n = t % 3 === 0 ? 1 + (next() % 1000) : t % 3 === 1 ? 2 ** 32 - (next() % 1000) : 1 + next();
      expect(x - Math.floor(x / n) * n).toBe(x % n);
    }
  });
  it('the inlined generator draws exactly the stream of createResampleRng + uniformInt', () => {
    for (const n of [1, 2, 3, 7, 250, 1000, 100_000]) {
      for (const [seed, r] of [[0, 0], [123, 5], [2 ** 40 + 7, 2 ** 33 + 1], [4294967295, 999]]) {
        const ref = new Uint32Array(n);
        const next = createResampleRng(seed, r);
        for (let i = 0; i < n; i++) ref[uniformInt(next, n)]++;
        expect(resampleCounts(n, seed, r)).toEqual(ref);
      }
    }
  });
  it('returns n draws as counts summing to n, reproducibly', () => {
    const c = resampleCounts(250, 123, 5);
    expect(c.reduce((a, b) => a + b, 0)).toBe(250);
    expect(Array.from(resampleCounts(250, 123, 5))).toEqual(Array.from(c));
    expect(Array.from(resampleCounts(250, 123, 6))).not.toEqual(Array.from(c));
  });
  it('leaves out about (1 − 1/n)^n ≈ 36.8% of rows on average', () => {
    let zeros = 0;
    for (let r = 0; r < 200; r++) zeros += resampleCounts(1000, 1, r).filter((k) => k === 0).length;
    expect(zeros / (200 * 1000)).toBeGreaterThan(0.36);
    expect(zeros / (200 * 1000)).toBeLessThan(0.376);
  });
  it('uses an injected generator', () => {
    let i = 0;
    const c = resampleCounts(4, 0, 0, () => [0, 0, 3, 1][i++]);
    expect(Array.from(c)).toEqual([2, 1, 0, 1]);
  });
  it('overwrites a reused buffer (into) rather than adding to it', () => {
    let i = 0;
    const into = Uint32Array.of(5, 5, 5, 5);
    expect(resampleCounts(4, 0, 0, () => [0, 0, 3, 1][i++], into)).toBe(into);
    expect(Array.from(into)).toEqual([2, 1, 0, 1]); // hand count of the draws 0, 0, 3, 1
  });
});

describe('planCounts (the resampling loops\' counts)', () => {
  it('draws the stream of createResampleRng + uniformInt without a generator closure, and uses an injected one', async () => {
    const { planCounts } = await import('../../src/inference/engine.js');
    const into = new Uint32Array(250);
    for (const [n, seed] of [[250, 1], [7, 2 ** 40 + 3], [1, 9]] as const) {
      for (let r = 0; r < 40; r++) {
        const next = createResampleRng(seed, r);
        const ref = new Uint32Array(n);
        for (let i = 0; i < n; i++) ref[uniformInt(next, n)]++;
        const got = planCounts({ n, total: 40, seed }, r, n === 250 ? into : undefined);
        expect(Array.from(got)).toEqual(Array.from(ref));
      }
    }
    let calls = 0;
    const c = planCounts({ n: 4, total: 1, seed: 0, rng: () => () => [0, 0, 3, 1][calls++ % 4] }, 0);
    expect(Array.from(c)).toEqual([2, 1, 0, 1]);
  });
});
