import { describe, expect, it } from 'vitest';
import { quantileType7, quantileType7Sorted } from '../../src/inference/quantile.js';

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
