import { describe, expect, it } from 'vitest';
import { quantileType7, quantileType7Sorted, selectPositions } from '../../src/inference/quantile.js';
import { summarizeDraws } from '../../src/inference/summarize.js';
import { bcaInterval, jackknifeAcceleration, percentileInterval } from '../../src/inference/intervals.js';

// Expected values derived by hand from R's type-7 definition: h = (B − 1)p + 1, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌈h⌉] − x[⌊h⌋]).
describe('quantileType7', () => {
  it('R quantile(c(1,2,3,4), 0.3) = 1.9 (h = 3·0.3 + 1 = 1.9)', () => {
    expect(quantileType7([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 15);
  });
  it('R quantile(1:10, c(.025, .975)) = 1.225, 9.775 (h = 1.225, 9.775)', () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileType7(x, 0.025)).toBeCloseTo(1.225, 14);
    expect(quantileType7(x, 0.975)).toBeCloseTo(9.775, 14);
  });
  it('interpolates between unequal neighbours (x = 10, 20, 40; p = 0.75: h = 2.5 → 30)', () => {
    expect(quantileType7([40, 10, 20], 0.75)).toBe(30);
  });
  it('returns the extremes at p = 0 and 1, the value itself for B = 1, and handles ties', () => {
    expect(quantileType7([3, 1, 2], 0)).toBe(1);
    expect(quantileType7([3, 1, 2], 1)).toBe(3);
    expect(quantileType7([5], 0.3)).toBe(5);
    expect(quantileType7Sorted([1, 2, 2, 2, 9], 0.5)).toBe(2);
  });
  it('returns NaN for an empty input or p outside [0, 1]', () => {
    expect(quantileType7([], 0.5)).toBeNaN();
    expect(quantileType7([1, 2], 1.5)).toBeNaN();
  });
});

describe('selectPositions / summarizeDraws by selection instead of sorting', () => {
  const lcg = (seed: number) => {
    let s = seed >>> 0;
    return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  };
  it('puts the sorted array\'s values at the asked positions (ties, tiny and large arrays)', () => {
    const u = lcg(5);
    for (const b of [1, 2, 3, 10, 101, 5000]) {
      for (const tiesEvery of [0, 7]) {
        const a = Float64Array.from({ length: b }, () => (tiesEvery ? Math.floor(u() * tiesEvery) + 0.5 : u() - 0.5));
        const sorted = Float64Array.from(a).sort();
        const ks = Array.from({ length: 8 }, () => Math.floor(u() * b));
        selectPositions(a, ks);
        for (const k of ks) expect(a[k]).toBe(sorted[k]);
      }
    }
  });
  it('summarizeDraws gives the full sort\'s intervals bit for bit (percentile, BC, BCa; zeros fall back to sorting)', () => {
    const u = lcg(11);
    for (const b of [2, 3, 17, 999, 5000]) {
      for (const kind of ['normal', 'ties', 'zeros'] as const) {
        const draws = Float64Array.from({ length: b }, () =>
          kind === 'ties' ? Math.floor(u() * 5) / 4 - 0.3 : kind === 'zeros' && u() < 0.1 ? (u() < 0.5 ? -0 : 0) : u() * 2 - 0.7 + u() * u(),
        );
        const jackknife = Float64Array.from({ length: 40 }, () => u());
        for (const level of [0.95, 0.9, 0.5]) {
          const got = summarizeDraws(0.31, draws, { level, jackknife });
          const sorted = Float64Array.from(draws).sort();
          const a = jackknifeAcceleration(jackknife);
          expect(got.percentile).toEqual(percentileInterval(sorted, level));
          expect(got.bc).toEqual(bcaInterval(sorted, 0.31, 0, level));
          expect(got.bca).toEqual(bcaInterval(sorted, 0.31, a, level));
          for (const [x, y] of [[got.percentile, percentileInterval(sorted, level)], [got.bca!, bcaInterval(sorted, 0.31, a, level)]]) {
            expect(Object.is(x[0], y[0]) && Object.is(x[1], y[1])).toBe(true);
          }
        }
      }
    }
  });
});
