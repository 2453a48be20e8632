import { describe, expect, it } from 'vitest';
import { ahpReport, ahpWeights, entropyWeights, SAATY_RI } from '../../src/indices/index.js';

/** a_ij = v_i / v_j: a perfectly consistent matrix whose weights are v normalised. */
const consistent = (v: number[]) => v.map((a) => v.map((b) => a / b));

describe('ahpWeights', () => {
  it('a consistent matrix gives its exact weights, λmax = n, CI = CR = 0', () => {
    const r = ahpWeights(consistent([5, 3, 1.5, 0.5]));
    [5, 3, 1.5, 0.5].forEach((v, i) => expect(r.weights[i]).toBeCloseTo(v / 10, 12));
    expect(r.lambdaMax).toBeCloseTo(4, 12);
    expect(r.ci).toBeCloseTo(0, 12);
    expect(r.cr).toBeCloseTo(0, 12);
    expect(r.consistent).toBe(true);
  });

  it('Saaty (1990) house example, criteria matrix: weights, λmax 9.669, CI 0.238, CR 0.169', () => {
    // Saaty, T. L. (1990). How to make a decision: The Analytic Hierarchy Process. European Journal of
    // Operational Research 48, 9–26, the eight house-buying criteria (size, transportation, neighbourhood, age,
    // yard, modern facilities, condition, financing); published to 3 decimals.
    const m = [
      [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
      [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
      [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
      [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
      [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
      [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
      [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
      [4, 7, 5, 8, 6, 6, 2, 1],
    ];
    const r = ahpWeights(m);
    [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333].forEach((v, i) => expect(Math.abs(r.weights[i] - v)).toBeLessThan(5e-4));
    expect(Math.abs(r.lambdaMax - 9.669)).toBeLessThan(5e-4);
    expect(Math.abs(r.ci - 0.238)).toBeLessThan(5e-4);
    expect(Math.abs(r.cr - 0.169)).toBeLessThan(5e-4);
    expect(r.consistent).toBe(false);
  });

  it('Saaty (1990) house example, "size of house" for houses A, B, C: (.754, .181, .065), λmax 3.136, CR .117', () => {
    const r = ahpWeights([[1, 6, 8], [1 / 6, 1, 4], [1 / 8, 1 / 4, 1]]);
    [0.754, 0.181, 0.065].forEach((v, i) => expect(Math.abs(r.weights[i] - v)).toBeLessThan(5e-4));
    expect(Math.abs(r.lambdaMax - 3.136)).toBeLessThan(5e-4);
    expect(Math.abs(r.ci - 0.068)).toBeLessThan(5e-4);
    expect(Math.abs(r.cr - 0.117)).toBeLessThan(5e-4);
  });

  it("Saaty's RI table (1980) and n ≤ 2", () => {
    expect(SAATY_RI).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
    const r = ahpWeights([[1, 3], [1 / 3, 1]]);
    expect(r.weights[0]).toBeCloseTo(0.75, 12);
    expect(r.cr).toBe(0);
  });

  it('refuses non-positive, non-reciprocal, non-square matrices with INVALID_MATRIX', () => {
    expect(() => ahpWeights([[1, -2], [-0.5, 1]])).toThrow(/not a positive number/);
    expect(() => ahpWeights([[1, 2], [2, 1]])).toThrow(/not reciprocal/);
    expect(() => ahpWeights([[1, 2, 3], [0.5, 1]])).toThrow(/not square/);
    expect(() => ahpWeights([[2, 1], [1, 1]])).toThrow(/diagonal/);
    expect(() => ahpWeights(consistent(Array.from({ length: 11 }, (_, i) => i + 1)))).toThrow(/n ≤ 10/);
  });

  it('ahpReport names the weights and warns (does not refuse) when CR ≥ 0.10', () => {
    const r = ahpReport({ dimensions: ['a', 'b', 'c'], matrix: [[1, 6, 8], [1 / 6, 1, 4], [1 / 8, 1 / 4, 1]] });
    expect(Object.keys(r.weights)).toEqual(['a', 'b', 'c']);
    expect(r.warnings).toHaveLength(1);
    expect(() => ahpReport({ dimensions: ['a', 'a'], matrix: [[1, 1], [1, 1]] })).toThrow(/repeat/);
  });
});

describe('entropyWeights', () => {
  it('a constant column gets 0, the only varying one 1; by hand for two columns', () => {
    expect(Array.from(entropyWeights([Float64Array.of(1, 1, 1, 1), Float64Array.of(0, 0, 0, 4)]))).toEqual([0, 1]);
    // Column 1: p = (1/4, 3/4): e = −(p ln p + q ln q)/ln 2; column 2: p = (1/2, 1/2): e = 1 → d = 0.
    const e1 = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)) / Math.log(2);
    const w = entropyWeights([Float64Array.of(1, 3), Float64Array.of(2, 2), Float64Array.of(0, 5)]);
    const d = [1 - e1, 0, 1];
    d.forEach((v, i) => expect(w[i]).toBeCloseTo(v / (d[0] + d[2]), 12));
  });
});
