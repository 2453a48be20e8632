import { describe, expect, it } from 'vitest';
import { accumulateMoments } from '../../src/stats/index.js';
import { packRows, resampleMoments } from '../../src/inference/resample-moments.js';
import { resampleCounts } from '../../src/inference/rng.js';
import { smallSurvey } from './helpers.js';

describe('resampleMoments (the bootstrap pass over complete rows)', () => {
  const { names, columns } = smallSurvey(60, 4);
  const weights = Float64Array.from({ length: 60 }, (_, i) => 0.5 + (i % 4) * 0.25);
  for (const [label, w] of [['unweighted', null], ['weighted', weights]] as const) {
    it(`equals accumulateMoments with the same counts (${label}), with and without precomputed row products`, () => {
      const packed = packRows(names, columns, w)!;
      expect(packed.outer).not.toBeNull();
      const plain = { ...packed, outer: null };
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
