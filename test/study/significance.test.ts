import { describe, expect, it } from 'vitest';
import { isSignificant, significanceStars, SIGNIFICANCE_LEVEL } from '../../src/study/index.js';

describe('significance decision', () => {
  it('is p < α, strict, and never for an unknown p', () => {
    expect(SIGNIFICANCE_LEVEL).toBe(0.05);
    expect(isSignificant(0.049)).toBe(true);
    expect(isSignificant(0.05)).toBe(false);
    expect(isSignificant(null)).toBe(false);
    expect(isSignificant(undefined)).toBe(false);
    expect(isSignificant(0.08, 0.1)).toBe(true);
  });
  it('stars by p thresholds, else by the interval excluding 0', () => {
    expect([0.0005, 0.001, 0.009, 0.04, 0.05].map((p) => significanceStars({ p, lower: null, upper: null }))).toEqual(['***', '**', '**', '*', '']);
    expect(significanceStars({ p: null, lower: 0.01, upper: 0.2 })).toBe('*');
    expect(significanceStars({ p: null, lower: -0.3, upper: -0.01 })).toBe('*');
    expect(significanceStars({ p: null, lower: -0.1, upper: 0.2 })).toBe('');
    expect(significanceStars({ p: null, lower: null, upper: 0.2 })).toBe('');
    expect(significanceStars(undefined)).toBe('');
  });
});
