import { describe, expect, it } from 'vitest';
import { quantileType7, quantileType7Sorted, selectPositions } from '../../src/inference/quantile.js';
import { selectTails, summarizeDraws } from '../../src/inference/summarize.js';
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

describe('selectTails (the tails of a column by two partitions and a sort of each tail)', () => {
  const lcg = (seed: number) => {
    let s = seed >>> 0;
    return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  };
  /** After selectTails (or, when it declines, selectPositions), every position holds the sorted array's value. */
  const check = (a: Float64Array, positions: number[]): boolean => {
    const sorted = Float64Array.from(a).sort();
    const took = selectTails(a, positions);
    if (!took) selectPositions(a, positions);
    for (const k of positions) expect(Object.is(a[k], sorted[k]), `position ${k}`).toBe(true);
    expect(Float64Array.from(a).sort()).toEqual(sorted); // a permutation of the draws
    return took;
  };
  it('random, tied and skewed columns of 256–5000 draws; declines on short columns and thin tails', () => {
    const u = lcg(29);
    let took = 0;
    let declined = 0;
    for (const b of [100, 256, 257, 1000, 1001, 5000]) {
      for (const kind of ['uniform', 'ties', 'skewed', 'lowTies'] as const) {
        for (let rep = 0; rep < 6; rep++) {
          const a = Float64Array.from({ length: b }, () => (kind === 'ties' ? Math.floor(u() * 6) : kind === 'skewed' ? u() ** 8 : kind === 'lowTies' && u() < 0.3 ? 0.25 : u() + 0.5));
          const lo = Math.floor(u() * b * 0.05);
          const hi = b - 1 - Math.floor(u() * b * 0.05);
          const positions = [lo, Math.min(b - 1, lo + 1), Math.max(0, hi - 1), hi, Math.floor(u() * b * 0.05)].sort((x, y) => x - y);
          if (check(a, positions)) took++;
          else declined++;
        }
      }
    }
    expect(took).toBeGreaterThan(20);
    expect(declined).toBeGreaterThan(10);
  });
  it('declines when exactly as many draws as the farthest low position lie below the threshold', () => {
    // b = 1024, positions 24 and 25: the threshold is the 6th smallest of the 64 sampled draws (indices 16j, values j),
    // i.e. 5; 20 more draws below 5 make 25 draws in the front — one too few for position 25
    const b = 1024;
    const column = (extras: number): Float64Array => {
      const a = new Float64Array(b);
      let extra = 0;
      for (let i = 0; i < b; i++) a[i] = i % 16 === 0 ? i / 16 : extra < extras && i % 16 === 1 ? 0.5 + extra++ / 100 : 1e6 + i;
      return a;
    };
    expect(Float64Array.from(column(20)).sort()[25]).toBe(5);
    expect(selectTails(column(20), [24, 25])).toBe(false);
    expect(check(column(20), [24, 25])).toBe(false);
    // one more draw below the threshold: 26 in the front, enough
    expect(check(column(21), [24, 25])).toBe(true);
    // the mirror image: positions 998 and 999, threshold 58, 5 + 20 draws above it (one too few for 998)
    const mirrored = (extras: number): Float64Array => {
      const a = new Float64Array(b);
      let extra = 0;
      for (let i = 0; i < b; i++) a[i] = i % 16 === 0 ? i / 16 : extra < extras && i % 16 === 1 ? 100 + extra++ : -1e6 - i;
      return a;
    };
    expect(Float64Array.from(mirrored(20)).sort()[998]).toBe(58);
    expect(check(mirrored(20), [998, 999])).toBe(false);
    expect(check(mirrored(21), [998, 999])).toBe(true);
  });
});
