import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/stats/distributions.js';
import { bcaInterval, bcaLevel, biasCorrection, jackknifeAcceleration, percentileInterval } from '../../src/inference/intervals.js';
import { summarizeDraws } from '../../src/inference/summarize.js';

describe('percentile interval', () => {
  it('R quantile(1:4, c(.025, .975)) = 1.075, 3.925 (h = 1 + 3p)', () => {
    const [lo, hi] = percentileInterval([1, 2, 3, 4], 0.95);
    expect(lo).toBeCloseTo(1.075, 14);
    expect(hi).toBeCloseTo(3.925, 14);
  });
});

describe('jackknife acceleration', () => {
  it('hand case θ̂(i) = 0, 0, 3: mean 1, d = 1, 1, −2, Σd³ = −6, Σd² = 6 → â = −6 / (6·6^1.5)', () => {
    expect(jackknifeAcceleration([0, 0, 3])).toBeCloseTo(-1 / Math.pow(6, 1.5), 15);
  });
  it('is 0 for symmetric or constant jackknife values', () => {
    expect(jackknifeAcceleration([1, 2, 3])).toBe(0);
    expect(jackknifeAcceleration([2, 2, 2])).toBe(0);
  });
});

describe('BC and BCa', () => {
  it('ẑ0 counts draws strictly below the estimate', () => {
    expect(biasCorrection([1, 2, 3, 4], 2.5)).toBe(0);
    expect(biasCorrection([1, 2, 3, 4], 2)).toBeCloseTo(normalQuantile(0.25), 15); // only 1 < 2
  });
  it('with ẑ0 = 0 and â = 0 BC and BCa equal the percentile interval', () => {
    const d = [1, 2, 3, 4];
    expect(bcaInterval(d, 2.5, 0, 0.95)).toEqual(percentileInterval(d, 0.95));
  });
  it('hand case: draws 1..4, θ̂ = 2.5 (ẑ0 = 0), â from jackknife (0, 0, 3)', () => {
    // α1 = Φ(ẑ0 + (ẑ0 + z_.025)/(1 − â(ẑ0 + z_.025))) with ẑ0 = 0; then the type-7 quantile at α1: 1 + 3·α1.
    const a = -1 / Math.pow(6, 1.5);
    const z = normalQuantile(0.025);
    const a1 = normalCdf(z / (1 - a * z));
    const a2 = normalCdf(-z / (1 + a * z));
    const [lo, hi] = bcaInterval([1, 2, 3, 4], 2.5, a, 0.95);
    expect(lo).toBeCloseTo(1 + 3 * a1, 14);
    expect(hi).toBeCloseTo(1 + 3 * a2, 14);
    expect(a1).toBeLessThan(0.025); // negative acceleration moves both limits down
    expect(a2).toBeLessThan(0.975);
  });
  it('uses the extreme draws when every draw lies on one side of the estimate', () => {
    expect(bcaLevel(0.025, -Infinity, 0)).toBe(0);
    expect(bcaInterval([5, 6, 7], 1, 0, 0.95)).toEqual([5, 5]);
  });
});

describe('summarizeDraws', () => {
  it('mean, SD with B − 1 (R sd(c(-1, 1, 2, 3)) = √(8.75/3)), t and seminr p = 2·min(P(≤0), P(>0))', () => {
    const s = summarizeDraws(1.5, [-1, 1, 2, 3]);
    expect(s.mean).toBe(1.25);
    expect(s.se).toBeCloseTo(Math.sqrt(8.75 / 3), 14);
    expect(s.t).toBeCloseTo(1.5 / Math.sqrt(8.75 / 3), 14);
    expect(s.p).toBe(0.5);
    expect(s.bias).toBe(-0.25);
  });
  it('tests HTMT against 1 as seminr: t = (1 − est)/SD, p = 2·min(P(<1), P(≥1))', () => {
    const s = summarizeDraws(0.8, [0.7, 0.9, 1.0, 0.6], { nullValue: 1 });
    expect(s.t).toBeCloseTo(0.2 / s.se, 14);
    expect(s.p).toBe(0.5);
  });
  it('computes BCa only when jackknife values are given', () => {
    expect(summarizeDraws(2, [1, 2, 3]).bca).toBeUndefined();
    expect(summarizeDraws(2, [1, 2, 3], { jackknife: [1, 2, 3] }).bca).toBeDefined();
  });
});
