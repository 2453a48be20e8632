import { describe, expect, it } from 'vitest';
import { studentTTwoSided } from '../../src/inference/index.js';
import { studentTQuantile } from '../../src/stats/index.js';

describe('studentTQuantile', () => {
  it('matches the closed forms for 1 and 2 df', () => {
    for (const p of [0.6, 0.9, 0.975, 0.995, 0.025]) {
      // 1 df (Cauchy): tan(π(p − ½)); 2 df: (2p − 1)·√(2/(4p(1 − p)))
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p))), 11);
    }
  });

  it('inverts the two-sided tail and tends to the normal quantile', () => {
    for (const df of [3, 11, 30, 250]) expect(studentTTwoSided(studentTQuantile(0.975, df), df)).toBeCloseTo(0.05, 12);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959963984540054, 5);
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(Number.isNaN(studentTQuantile(0.5, 0))).toBe(true);
  });
});
