/**
 * Regressions and a definiteness test on row-major correlation matrices, internal to `quality/` (not re-exported),
 * built on the shared solvers of `stats/linalg`. Everything here is O(k³) on k ≤ a few dozen; nothing touches n.
 */
import { choleskyDecompose, solveLinear, subMatrix } from '../stats/index.js';

/**
 * R² of `target` regressed on `predictors`, all read from one correlation matrix: `R² = r' R_PP⁻¹ r` with
 * `r = R[P, target]`. Returns 0 for no predictors and NaN when R_PP is singular.
 *
 * @example
 * regressionRSquared(new Float64Array([1, 0.5, 0.5, 1]), 2, [0], 1) // 0.25
 */
export function regressionRSquared(
  r: ArrayLike<number>,
  dim: number,
  predictors: readonly number[],
  target: number,
): number {
  if (predictors.length === 0) return 0;
  const beta = regressionCoefficients(r, dim, predictors, target);
  if (beta === null) return Number.NaN;
  let r2 = 0;
  for (let i = 0; i < predictors.length; i++) r2 += beta[i] * r[predictors[i] * dim + target];
  return r2;
}

/**
 * Standardized OLS coefficients of `target` on `predictors` from a correlation matrix: `β = R_PP⁻¹ R[P, target]`;
 * `null` when R_PP is singular.
 *
 * @example
 * regressionCoefficients(new Float64Array([1, 0.5, 0.5, 1]), 2, [0], 1) // Float64Array [0.5]
 */
export function regressionCoefficients(
  r: ArrayLike<number>,
  dim: number,
  predictors: readonly number[],
  target: number,
): Float64Array | null {
  const rpp = subMatrix(r, dim, predictors);
  const rpt = predictors.map((p) => r[p * dim + target]);
  return solveLinear(rpp, predictors.length, rpt);
}

/**
 * True when the symmetric `k × k` matrix A is positive definite (its Cholesky factorization exists with every
 * pivot above {@link SINGULAR_EPS} times the largest diagonal entry).
 *
 * @example
 * isPositiveDefinite(new Float64Array([1, 1.2, 1.2, 1]), 2) // false
 */
export function isPositiveDefinite(a: ArrayLike<number>, k: number): boolean {
  return choleskyDecompose(Float64Array.from(a), k).L !== undefined;
}
