import { describe, expect, it } from 'vitest';
import { isCsiError } from '../../src/errors.js';
import { permutationTest } from '../../src/inference/index.js';
import { allocateSample } from '../../src/tracking/index.js';

describe('planning and permutation inputs are CsiErrors, not RangeErrors', () => {
  it('Neyman allocation without a segment size names the segment', () => {
    let err: unknown;
    try {
      allocateSample([{ name: 'North', size: 100, sd: 10 }, { name: 'South', sd: 12 }], 50, 'neyman');
    } catch (e) {
      err = e;
    }
    expect(isCsiError(err) && err.code).toBe('INVALID_OPTION');
    expect((err as Error).message).toContain('South');
  });
  it('a permutation count that is not a whole number ≥ 1', () => {
    expect(() => permutationTest([0, 1], () => [0], { permutations: 0, seed: 1 })).toThrow(/whole number ≥ 1/);
  });
});
