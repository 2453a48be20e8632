import { expect } from 'vitest';
import type { Moments } from '../../src/stats/moments-types.js';

/**
 * Complete-form moments whose correlation matrix is exactly R (means 0, scatter (n − 1)·R): lets a test state the
 * item correlations it derived a result from on paper.
 */
export function momentsWithCorrelation(items: string[], R: number[], n = 1000): Moments {
  return {
    items,
    n,
    weighted: false,
    sw: n,
    sww: n,
    nObs: items.map(() => n),
    s: items.map(() => 0),
    m: [],
    p: [],
    q: [],
    c: R.map((r) => r * (n - 1)),
    complete: true,
  };
}

/** Plain two-pass weighted Pearson correlation of two equal-length arrays (the textbook formula, for checks). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>, w?: ArrayLike<number>): number {
  let sw = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    mx += wi * x[i];
    my += wi * y[i];
  }
  mx /= sw;
  my /= sw;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w ? w[i] : 1;
    sxy += wi * (x[i] - mx) * (y[i] - my);
    sxx += wi * (x[i] - mx) ** 2;
    syy += wi * (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Max |a − b| over two records of records (construct → item → number), over the keys of `expected`. */
export function maxDiffNested(actual: Record<string, Record<string, number>>, expected: Record<string, Record<string, number>>): number {
  let mx = 0;
  for (const [a, row] of Object.entries(expected)) {
    for (const [b, v] of Object.entries(row)) {
      const got = actual[a]?.[b];
      mx = Math.max(mx, got === undefined ? Infinity : Math.abs(got - v));
    }
  }
  return mx;
}

/** Every number of two Moments compared with Object.is (bit for bit, ±0 and NaN included), naming the first cell that differs. */
export function expectSameMomentsBits(a: Moments, b: Moments): void {
  expect(a.items).toEqual(b.items);
  expect([a.weighted, a.complete]).toEqual([b.weighted, b.complete]);
  for (const key of ['n', 'sw', 'sww'] as const) expect(Object.is(a[key], b[key]), key).toBe(true);
  for (const key of ['nObs', 's', 'm', 'p', 'q', 'c'] as const) {
    expect(a[key].length, key).toBe(b[key].length);
    const differ = a[key].findIndex((v, i) => !Object.is(v, b[key][i]));
    expect(differ, `${key}[${differ}]: ${a[key][differ]} vs ${b[key][differ]}`).toBe(-1);
  }
}
