/**
 * Small dense algebra on row-major correlation matrices, internal to `quality/` (not re-exported).
 * Everything here is O(k³) on k ≤ a few dozen; nothing touches the n rows.
 */

/** Relative pivot size below which a matrix is treated as singular. */
const SINGULAR_EPS = 1e-12;

/**
 * The principal sub-matrix `A[idx, idx]` of a `dim × dim` row-major matrix.
 *
 * @example
 * subMatrix(new Float64Array([1, 0.5, 0.5, 1]), 2, [1]) // Float64Array [1]
 */
export function subMatrix(a: ArrayLike<number>, dim: number, idx: readonly number[]): Float64Array {
  const k = idx.length;
  const out = new Float64Array(k * k);
  for (let r = 0; r < k; r++) {
    const row = idx[r] * dim;
    for (let c = 0; c < k; c++) out[r * k + c] = a[row + idx[c]];
  }
  return out;
}

/**
 * Solves `A x = b` for a `k × k` matrix A (Gaussian elimination with partial pivoting); `null` when A is singular
 * (a pivot below 1e-12 times the largest absolute entry of A).
 *
 * @example
 * solve(new Float64Array([2, 0, 0, 4]), 2, [2, 2]) // Float64Array [1, 0.5]
 */
export function solve(a: ArrayLike<number>, k: number, b: ArrayLike<number>): Float64Array | null {
  const m = Float64Array.from(a as ArrayLike<number>);
  const x = Float64Array.from(b as ArrayLike<number>);
  let scale = 0;
  for (let i = 0; i < k * k; i++) scale = Math.max(scale, Math.abs(m[i]));
  if (!(scale > 0)) return k === 0 ? x : null;
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(m[r * k + col]) > Math.abs(m[piv * k + col])) piv = r;
    const p = m[piv * k + col];
    if (!(Math.abs(p) > SINGULAR_EPS * scale)) return null;
    if (piv !== col) {
      for (let c = 0; c < k; c++) {
        const t = m[col * k + c];
        m[col * k + c] = m[piv * k + c];
        m[piv * k + c] = t;
      }
      const t = x[col];
      x[col] = x[piv];
      x[piv] = t;
    }
    for (let r = col + 1; r < k; r++) {
      const f = m[r * k + col] / p;
      if (f === 0) continue;
      for (let c = col; c < k; c++) m[r * k + c] -= f * m[col * k + c];
      x[r] -= f * x[col];
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    let s = x[r];
    for (let c = r + 1; c < k; c++) s -= m[r * k + c] * x[c];
    x[r] = s / m[r * k + r];
  }
  return x;
}

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
  return solve(rpp, predictors.length, rpt);
}

/**
 * True when the symmetric `k × k` matrix A is positive definite (its Cholesky factorization exists with every
 * pivot above 1e-12 times the largest diagonal entry).
 *
 * @example
 * isPositiveDefinite(new Float64Array([1, 1.2, 1.2, 1]), 2) // false
 */
export function isPositiveDefinite(a: ArrayLike<number>, k: number): boolean {
  const l = new Float64Array(k * k);
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(a[i * k + i]));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j];
      for (let q = 0; q < j; q++) s -= l[i * k + q] * l[j * k + q];
      if (i === j) {
        if (!(s > SINGULAR_EPS * scale)) return false;
        l[i * k + i] = Math.sqrt(s);
      } else {
        l[i * k + j] = s / l[j * k + j];
      }
    }
  }
  return true;
}
