/**
 * Small dense linear algebra on row-major `Float64Array`s: the p × p and m × m solves of the PLS engine.
 *
 * Written out (Cholesky with a relative pivot test, Gauss–Jordan inverse with partial pivoting) rather than through
 * ml-matrix so that matrices stay plain typed arrays, nothing is allocated per call beyond the result, and a singular
 * matrix is reported by the caller in domain words (which construct, which predictors) instead of a generic message.
 */

/** Relative pivot threshold below which a matrix is treated as singular (pivot ≤ eps · max diagonal). */
export const SINGULAR_EPS = 1e-12;

/**
 * Cholesky factor L (lower triangular, row-major, k × k) of a symmetric positive-definite matrix: A = L Lᵀ.
 * Returns `{ L }`, or `{ failedAt }` = the first index whose pivot is ≤ {@link SINGULAR_EPS} · max diag(A)
 * (that row is, numerically, a linear combination of the rows before it).
 *
 * @example
 * choleskyDecompose(new Float64Array([4, 2, 2, 3]), 2) // { L: [2, 0, 1, 1.414…] }
 */
export function choleskyDecompose(a: Float64Array, k: number): { L: Float64Array; failedAt?: undefined } | { L?: undefined; failedAt: number } {
  const L = new Float64Array(k * k);
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(a[i * k + i]));
  const tiny = SINGULAR_EPS * (scale > 0 ? scale : 1);
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j];
    for (let t = 0; t < j; t++) d -= L[j * k + t] * L[j * k + t];
    if (!(d > tiny)) return { failedAt: j };
    const ljj = Math.sqrt(d);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let v = a[i * k + j];
      for (let t = 0; t < j; t++) v -= L[i * k + t] * L[j * k + t];
      L[i * k + j] = v / ljj;
    }
  }
  return { L };
}

/**
 * Solves L Lᵀ x = b given the Cholesky factor L (k × k) from {@link choleskyDecompose}; returns x.
 *
 * @example
 * const { L } = choleskyDecompose(new Float64Array([4, 2, 2, 3]), 2);
 * choleskySolve(L!, 2, new Float64Array([6, 5])) // [1, 1]
 */
export function choleskySolve(L: Float64Array, k: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let v = b[i];
    for (let t = 0; t < i; t++) v -= L[i * k + t] * y[t];
    y[i] = v / L[i * k + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    let v = y[i];
    for (let t = i + 1; t < k; t++) v -= L[t * k + i] * y[t];
    y[i] = v / L[i * k + i];
  }
  return y;
}

/**
 * Solves A x = b for symmetric positive-definite A (k × k) by Cholesky. Returns x, or null when A is singular or
 * not positive definite (see {@link choleskyDecompose}).
 *
 * @example
 * solveSpd(new Float64Array([2, 0, 0, 4]), 2, [2, 2]) // [1, 0.5]
 */
export function solveSpd(a: Float64Array, k: number, b: ArrayLike<number>): Float64Array | null {
  const f = choleskyDecompose(a, k);
  return f.L ? choleskySolve(f.L, k, b) : null;
}

/**
 * Allocation-free SPD solve for hot loops: solves A x = b where A is the k × k submatrix of the n × n row-major
 * matrix `a` at indices `idx` (rows and columns) and b[i] = a[idx[i]·n + col]. Writes x into `out` (length ≥ k),
 * uses `scratch` (length ≥ k²) for the Cholesky factor. Returns false when the submatrix is not positive definite
 * (pivot ≤ {@link SINGULAR_EPS} · max diagonal).
 *
 * @example
 * const out = new Float64Array(1);
 * solveSubSpdInto(new Float64Array([1, 0.5, 0.5, 1]), 2, [0], 1, out, new Float64Array(1)) // out = [0.5]
 */
export function solveSubSpdInto(
  a: Float64Array,
  n: number,
  idx: ArrayLike<number>,
  col: number,
  out: Float64Array,
  scratch: Float64Array,
): boolean {
  const k = idx.length;
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(a[idx[i] * n + idx[i]]));
  const tiny = SINGULAR_EPS * (scale > 0 ? scale : 1);
  const L = scratch;
  for (let j = 0; j < k; j++) {
    const rj = idx[j] * n;
    let d = a[rj + idx[j]];
    for (let t = 0; t < j; t++) d -= L[j * k + t] * L[j * k + t];
    if (!(d > tiny)) return false;
    const ljj = Math.sqrt(d);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let v = a[idx[i] * n + idx[j]];
      for (let t = 0; t < j; t++) v -= L[i * k + t] * L[j * k + t];
      L[i * k + j] = v / ljj;
    }
  }
  for (let i = 0; i < k; i++) {
    let v = a[idx[i] * n + col];
    for (let t = 0; t < i; t++) v -= L[i * k + t] * out[t];
    out[i] = v / L[i * k + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    let v = out[i];
    for (let t = i + 1; t < k; t++) v -= L[t * k + i] * out[t];
    out[i] = v / L[i * k + i];
  }
  return true;
}

/**
 * Inverse of a general square matrix (k × k) by Gauss–Jordan elimination with partial pivoting. Returns null when a
 * pivot is ≤ {@link SINGULAR_EPS} times the largest absolute entry (numerically singular).
 *
 * @example
 * invert(new Float64Array([2, 1, 1, 1]), 2) // [1, -1, -1, 2]
 */
export function invert(a: Float64Array, k: number): Float64Array | null {
  const w = Float64Array.from(a);
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) inv[i * k + i] = 1;
  let scale = 0;
  for (let i = 0; i < k * k; i++) scale = Math.max(scale, Math.abs(a[i]));
  const tiny = SINGULAR_EPS * (scale > 0 ? scale : 1);
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(w[r * k + col]) > Math.abs(w[piv * k + col])) piv = r;
    if (!(Math.abs(w[piv * k + col]) > tiny)) return null;
    if (piv !== col) {
      for (let c = 0; c < k; c++) {
        let t = w[col * k + c];
        w[col * k + c] = w[piv * k + c];
        w[piv * k + c] = t;
        t = inv[col * k + c];
        inv[col * k + c] = inv[piv * k + c];
        inv[piv * k + c] = t;
      }
    }
    const d = w[col * k + col];
    for (let c = 0; c < k; c++) {
      w[col * k + c] /= d;
      inv[col * k + c] /= d;
    }
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = w[r * k + col];
      if (f === 0) continue;
      for (let c = 0; c < k; c++) {
        w[r * k + c] -= f * w[col * k + c];
        inv[r * k + c] -= f * inv[col * k + c];
      }
    }
  }
  return inv;
}

/**
 * The k × k submatrix of a row-major n × n matrix at the given indices (rows and columns).
 *
 * @example
 * subMatrix(new Float64Array([1, 2, 3, 4]), 2, [1]) // [4]
 */
export function subMatrix(a: ArrayLike<number>, n: number, idx: readonly number[]): Float64Array {
  const k = idx.length;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    const row = idx[i] * n;
    for (let j = 0; j < k; j++) out[i * k + j] = a[row + idx[j]];
  }
  return out;
}

/**
 * Solves `A x = b` for a `k × k` matrix A (Gaussian elimination with partial pivoting); `null` when A is singular
 * (a pivot ≤ {@link SINGULAR_EPS} times the largest absolute entry of A). For matrices that need not be
 * positive definite (PLSc's corrected correlations); {@link solveSpd} is the faster choice for correlation matrices.
 *
 * @example
 * solveLinear(new Float64Array([2, 0, 0, 4]), 2, [2, 2]) // Float64Array [1, 0.5]
 */
export function solveLinear(a: ArrayLike<number>, k: number, b: ArrayLike<number>): Float64Array | null {
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
