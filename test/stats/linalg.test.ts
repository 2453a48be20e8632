import { describe, expect, it } from 'vitest';
import { choleskyDecompose, invert, solveLinear, solveSpd, subMatrix } from '../../src/stats/linalg.js';

describe('linalg', () => {
  it('solves an SPD system (checked by hand: [[4,2],[2,3]] x = [6,5] → x = [1,1])', () => {
    const x = solveSpd(new Float64Array([4, 2, 2, 3]), 2, [6, 5])!;
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(1, 14);
  });
  it('reports where a singular matrix fails', () => {
    // row 3 = row 1 + row 2
    const a = new Float64Array([2, 1, 3, 1, 2, 3, 3, 3, 6]);
    expect(choleskyDecompose(a, 3).failedAt).toBe(2);
    expect(solveSpd(a, 3, [1, 1, 1])).toBeNull();
    expect(invert(a, 3)).toBeNull();
  });
  it('inverts a general matrix (by hand: [[2,1],[1,1]]⁻¹ = [[1,-1],[-1,2]])', () => {
    const inv = invert(new Float64Array([0, 1, 1, 0]), 2)!; // needs pivoting
    expect(Array.from(inv)).toEqual([0, 1, 1, 0]);
    expect(Array.from(invert(new Float64Array([2, 1, 1, 1]), 2)!).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([1, -1, -1, 2]);
  });
  it('takes a submatrix', () => {
    expect(Array.from(subMatrix(new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), 3, [2, 0]))).toEqual([9, 7, 3, 1]);
  });
});

describe('solveLinear (general square systems)', () => {
  it('solves a nonsingular matrix that is not positive definite (by hand: [[0,1],[1,0]] x = [3,5] → x = [5,3])', () => {
    expect(Array.from(solveLinear(new Float64Array([0, 1, 1, 0]), 2, [3, 5])!)).toEqual([5, 3]);
  });
  it('solves an indefinite 3 × 3 system (by hand: x = [1, −2, 3])', () => {
    // A = [[2, 1, 1], [1, −1, 2], [1, 2, −3]]: A·[1, −2, 3] = [3, 9, −12]
    const x = solveLinear(new Float64Array([2, 1, 1, 1, -1, 2, 1, 2, -3]), 3, [3, 9, -12])!;
    [1, -2, 3].forEach((v, i) => expect(x[i]).toBeCloseTo(v, 12));
  });
  it('returns null for a singular matrix', () => {
    expect(solveLinear(new Float64Array([1, 2, 2, 4]), 2, [1, 2])).toBeNull();
  });
});
