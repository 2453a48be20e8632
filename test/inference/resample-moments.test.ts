import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accumulateMoments } from '../../src/stats/index.js';
import { packRows, resampleLoops, resampleMoments, setKernelThreshold, type PackedRows } from '../../src/inference/resample-moments.js';
import { MAX_GENERATED_ITEMS, resampleKernel } from '../../src/inference/resample-kernel.js';
import { resampleCounts } from '../../src/inference/rng.js';
import { smallSurvey } from './helpers.js';
import { lcg } from '../helpers/random.js';

describe('resampleMoments (the bootstrap pass over complete rows)', () => {
  const { names, columns } = smallSurvey(60, 4);
  const weights = Float64Array.from({ length: 60 }, (_, i) => 0.5 + (i % 4) * 0.25);
  for (const [label, w] of [['unweighted', null], ['weighted', weights]] as const) {
    it(`equals accumulateMoments with the same counts (${label}), with and without precomputed row products`, () => {
      const packed = packRows(names, columns, w)!;
      expect(packed.rowOrder).toBe(true);
      const plain = { ...packed, rowOrder: false };
      for (let r = 0; r < 5; r++) {
        const counts = resampleCounts(60, 3, r);
        const ref = accumulateMoments(columns, { names, weights: w, counts });
        for (const mo of [resampleMoments(packed, counts), resampleMoments(plain, counts)]) {
          expect(mo.n).toBe(ref.n);
          expect(mo.sw).toBeCloseTo(ref.sw, 10);
          expect(mo.sww).toBeCloseTo(ref.sww, 10);
          mo.s.forEach((v, i) => expect(v).toBeCloseTo(ref.s[i], 9));
          mo.c.forEach((v, i) => expect(v).toBeCloseTo(ref.c[i], 8));
          expect(mo.complete).toBe(true);
        }
      }
    });
  }
  it('hand case: rows (1), (2), (3) with counts 2, 0, 1 → s = 5, c = 2·1 + 9 = 11', () => {
    const mo = resampleMoments(packRows(['a'], [Float64Array.of(1, 2, 3)], null)!, Uint32Array.of(2, 0, 1));
    expect(mo.s).toEqual([5]);
    expect(mo.c).toEqual([11]);
    expect(mo.n).toBe(3);
  });
  it('declines data with a missing value (the general pass handles it)', () => {
    expect(packRows(['a'], [Float64Array.of(1, NaN)], null)).toBeNull();
  });
});

/** Every field of a resample's moments from the generated kernel and from the loops, compared with Object.is. */
function expectBitIdentical(rows: PackedRows, counts: Uint32Array | null, rowOrder: boolean): void {
  const mo = resampleMoments({ ...rows, rowOrder, exactScale: Infinity }, counts);
  const t = (rows.p * (rows.p + 1)) / 2;
  const s = new Float64Array(rows.p);
  const c = new Float64Array(t);
  const tot = new Float64Array(3);
  resampleLoops(rows, counts, rowOrder, s, c, tot);
  expect([mo.sw, mo.sww, mo.n]).toEqual([tot[0], tot[1], tot[2]]);
  expect(mo.s).toEqual(Array.from(s));
  let q = 0;
  for (let a = 0; a < rows.p; a++) for (let b = a; b < rows.p; b++, q++) expect(Object.is(mo.c[a * rows.p + b], c[q])).toBe(true);
}

describe('resampleMoments: the generated kernel gives the loops\' sums bit for bit', () => {
  let before = 0;
  beforeAll(() => void (before = setKernelThreshold(0)));
  afterAll(() => void setKernelThreshold(before));
  it('in calls of 4096 rows: long passes with odd runs of drawn rows at every call boundary', () => {
    const u = lcg(4242);
    const n = 20_011;
    const columns = Array.from({ length: 5 }, () => Float64Array.from({ length: n }, () => (u() - 0.4) * 7.3));
    const weights = Float64Array.from({ length: n }, () => 0.2 + u());
    const rows = packRows(columns.map((_, k) => `x${k}`), columns, weights)!;
    const zeros = Uint32Array.from({ length: n }, (_, i) => (i % 4096 > 4090 || u() < 0.3 ? 0 : 1 + Math.floor(u() * 3)));
    for (const counts of [null, zeros, resampleCounts(n, 5, 3)]) {
      expectBitIdentical(rows, counts, true);
      expectBitIdentical(rows, counts, false);
    }
  });
  it('is generated for p ≤ MAX_GENERATED_ITEMS only', () => {
    expect(resampleKernel(24, 'pair')).not.toBeNull();
    expect(resampleKernel(MAX_GENERATED_ITEMS + 1, 'row')).toBeNull();
  });
  for (const p of [1, 2, 5, 24, MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS + 3]) {
    it(`p = ${p}: random reals, integers and weights, counts with zeros, odd and even numbers of drawn rows`, () => {
      const u = lcg(1000 + p);
      for (let trial = 0; trial < 6; trial++) {
        const n = 1 + Math.floor(u() * 90);
        const integral = trial % 2 === 0;
        const columns = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => (integral ? Math.floor(u() * 11) - 3 : (u() - 0.3) * 1e3)));
        const weights = trial % 3 === 0 ? null : Float64Array.from({ length: n }, () => (trial % 3 === 1 ? Math.floor(u() * 4) : u() * 2.5));
        const rows = packRows(columns.map((_, k) => `x${k}`), columns, weights)!;
        for (const counts of [null, Uint32Array.from({ length: n }, () => (u() < 0.4 ? 0 : Math.floor(u() * 4)))]) {
          expectBitIdentical(rows, counts, true);
          expectBitIdentical(rows, counts, false);
        }
      }
    });
  }
  it('integer data in row order take the two-row kernel only where every partial sum is exact (same bits)', () => {
    const u = lcg(7);
    const n = 200;
    const columns = Array.from({ length: 6 }, () => Float64Array.from({ length: n }, () => 1 + Math.floor(u() * 10)));
    const rows = packRows(columns.map((_, k) => `x${k}`), columns, null)!;
    expect(rows.exactScale).toBe(100);
    const counts = resampleCounts(n, 11, 2);
    const fast = resampleMoments(rows, counts);
    const s = new Float64Array(6);
    const c = new Float64Array(21);
    const tot = new Float64Array(3);
    resampleLoops(rows, counts, true, s, c, tot);
    expect(fast.s).toEqual(Array.from(s));
    let q = 0;
    for (let a = 0; a < 6; a++) for (let b = a; b < 6; b++, q++) expect(fast.c[a * 6 + b]).toBe(c[q]);
    const reals = packRows(['a'], [Float64Array.of(1.5, 2)], null)!;
    expect(reals.exactScale).toBe(Infinity);
  });
});

