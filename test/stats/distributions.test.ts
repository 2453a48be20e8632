import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, regularizedBeta, studentTTwoSided } from '../../src/stats/distributions.js';

describe('normal distribution', () => {
  it('qnorm(0.975) = 1.959963984540054 (R; textbook constant), qnorm(0.5) = 0', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
  it('is symmetric and CDF ∘ quantile is the identity across the range, tails included', () => {
    for (const p of [1e-12, 1e-6, 0.001, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999]) {
      if (p >= 1e-3) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 10); // 1 − p is exact enough here
      expect(Math.abs(normalCdf(normalQuantile(p)) - p) / p).toBeLessThan(1e-8);
    }
  });
  it('pnorm(0) = 0.5, pnorm(−1) = 0.158655253931457 (R), limits at ±∞', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1)).toBeCloseTo(0.158655253931457, 14);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
  });
});

describe('Student t, two-sided', () => {
  it('df = 1 is Cauchy: P(|T| ≥ 1) = 1/2, P(|T| ≥ t) = 1 − 2·atan(t)/π', () => {
    expect(studentTTwoSided(1, 1)).toBeCloseTo(0.5, 12);
    expect(studentTTwoSided(3, 1)).toBeCloseTo(1 - (2 * Math.atan(3)) / Math.PI, 12);
  });
  it('df = 2 closed form: P(|T| ≥ t) = 1 − t/√(2 + t²)', () => {
    for (const t of [0.1, 1, 2, 5, -2]) expect(studentTTwoSided(t, 2)).toBeCloseTo(1 - Math.abs(t) / Math.sqrt(2 + t * t), 12);
  });
  it('approaches the normal for large df', () => {
    expect(studentTTwoSided(1.959963984540054, 1e8)).toBeCloseTo(0.05, 6);
  });
  it('regularized beta: I_x(1, 1) = x, I_x(a, 1) = x^a', () => {
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 13);
    expect(regularizedBeta(0.6, 3, 1)).toBeCloseTo(0.216, 13);
  });
});
