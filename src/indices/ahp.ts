import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { CsiError } from '../errors.js';

/** Saaty's random consistency index RI for n = 1..10 (Saaty 1980, *The Analytic Hierarchy Process*, Table 1.7). */
export const SAATY_RI: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/** The result of {@link ahpWeights}. */
export interface AhpResult {
  /** Principal right eigenvector, normalised to sum 1 (order of the matrix rows). */
  weights: Float64Array;
  /** Principal eigenvalue λmax (≥ n for a positive reciprocal matrix; = n when consistent). */
  lambdaMax: number;
  /** Consistency index CI = (λmax − n)/(n − 1) (0 for n ≤ 2). */
  ci: number;
  /** Random index RI(n) (Saaty 1980). */
  ri: number;
  /** Consistency ratio CR = CI/RI (0 for n ≤ 2). Saaty accepts CR < 0.10. */
  cr: number;
  /** True when CR < 0.10. */
  consistent: boolean;
}

/** Relative tolerance for a_ji · a_ij = 1 (entries are typed as decimals like 0.333). */
const RECIPROCAL_TOL = 1e-2;

/**
 * AHP weights of a pairwise comparison matrix (Saaty 1977, J. Math. Psychology 15(3) 234–281; 1980): weights = the
 * principal right eigenvector of A normalised to sum 1 (ml-matrix's eigen-decomposition), `CI = (λmax − n)/(n − 1)`,
 * `CR = CI / RI(n)` with Saaty's RI table (n ≤ 10). Any positive reciprocal matrix is reported (CR ≥ 0.10 included;
 * callers decide whether to refuse it). Errors: CsiError('INVALID_MATRIX') for a matrix that is not square, has an
 * entry ≤ 0 or not finite, a diagonal other than 1, is not reciprocal (a_ji · a_ij = 1 within 1 %), or n > 10.
 *
 * @example
 * ahpWeights([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]) // weights [4/7, 2/7, 1/7], λmax 3, CI 0, CR 0
 */
export function ahpWeights(matrix: readonly (readonly number[])[], names?: readonly string[]): AhpResult {
  const n = matrix.length;
  const what = names ? ` (${names.join(', ')})` : '';
  if (n === 0) throw new CsiError('INVALID_MATRIX', 'The AHP matrix is empty.');
  if (names && names.length !== n) throw new CsiError('INVALID_MATRIX', `The AHP matrix has ${n} rows but ${names.length} dimensions are named.`);
  if (n > SAATY_RI.length) throw new CsiError('INVALID_MATRIX', `The AHP matrix${what} has ${n} rows: Saaty's RI is tabulated for n ≤ ${SAATY_RI.length}.`);
  for (let i = 0; i < n; i++) {
    if (!Array.isArray(matrix[i]) || matrix[i].length !== n) throw new CsiError('INVALID_MATRIX', `The AHP matrix${what} is not square: row ${i + 1} has ${matrix[i]?.length ?? 0} entries, not ${n}.`);
    for (let j = 0; j < n; j++) {
      const a = matrix[i][j];
      if (!(a > 0) || !Number.isFinite(a)) throw new CsiError('INVALID_MATRIX', `The AHP matrix${what} entry [${i + 1}][${j + 1}] = ${a} is not a positive number.`);
    }
    if (Math.abs(matrix[i][i] - 1) > 1e-12) throw new CsiError('INVALID_MATRIX', `The AHP matrix${what} diagonal entry [${i + 1}][${i + 1}] = ${matrix[i][i]} is not 1.`);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(matrix[i][j] * matrix[j][i] - 1) > RECIPROCAL_TOL) {
        throw new CsiError('INVALID_MATRIX', `The AHP matrix${what} is not reciprocal: [${i + 1}][${j + 1}] = ${matrix[i][j]} but [${j + 1}][${i + 1}] = ${matrix[j][i]} (should be ${1 / matrix[i][j]}).`);
      }
    }
  }
  if (n === 1) return { weights: Float64Array.of(1), lambdaMax: 1, ci: 0, ri: 0, cr: 0, consistent: true };
  const evd = new EigenvalueDecomposition(new Matrix(matrix.map((r) => [...r])));
  const re = evd.realEigenvalues;
  const im = evd.imaginaryEigenvalues;
  let best = -1;
  for (let k = 0; k < n; k++) if (Math.abs(im[k]) < 1e-9 && (best < 0 || re[k] > re[best])) best = k;
  if (best < 0) throw new CsiError('INVALID_MATRIX', `The AHP matrix${what} has no real principal eigenvalue.`);
  const v = evd.eigenvectorMatrix.getColumn(best);
  const sum = v.reduce((a, b) => a + b, 0);
  const weights = Float64Array.from(v, (x) => x / sum);
  if (weights.some((w) => !(w > 0))) throw new CsiError('INVALID_MATRIX', `The AHP matrix${what} has no positive principal eigenvector.`);
  // λmax from A w = λ w (mean of the ratios: exact for the principal eigenvector, robust to rounding).
  let lambdaMax = 0;
  for (let i = 0; i < n; i++) {
    let aw = 0;
    for (let j = 0; j < n; j++) aw += matrix[i][j] * weights[j];
    lambdaMax += aw / weights[i] / n;
  }
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const ri = SAATY_RI[n - 1];
  const cr = n <= 2 ? 0 : ci / ri;
  return { weights, lambdaMax, ci, ri, cr, consistent: cr < 0.1 };
}

/** The report of {@link ahpReport}: weights by name and the consistency figures, with a warning when CR ≥ 0.10. */
export interface AhpReport {
  dimensions: string[];
  weights: Record<string, number>;
  lambdaMax: number;
  ci: number;
  ri: number;
  cr: number;
  consistent: boolean;
  warnings: string[];
}

/**
 * AHP weights of a `{ "dimensions": [...], "matrix": [[...]] }` document (the `csi ahp` file), as a plain report.
 * Any positive reciprocal matrix is reported; CR ≥ 0.10 adds a warning (refusing it applies to hierarchy weights
 * only). A malformed document is CsiError('INVALID_MATRIX').
 *
 * @example
 * ahpReport({ dimensions: ['a', 'b'], matrix: [[1, 3], [1 / 3, 1]] }).weights // { a: 0.75, b: 0.25 }
 */
export function ahpReport(json: unknown): AhpReport {
  const o = json as { dimensions?: unknown; matrix?: unknown };
  if (typeof o !== 'object' || o === null || !Array.isArray(o.dimensions) || !o.dimensions.every((d) => typeof d === 'string' && d !== '')) {
    throw new CsiError('INVALID_MATRIX', 'The AHP file must be {"dimensions": ["name", ...], "matrix": [[...], ...]} with non-empty names.');
  }
  if (!Array.isArray(o.matrix) || !o.matrix.every((r) => Array.isArray(r) && r.every((v) => typeof v === 'number'))) {
    throw new CsiError('INVALID_MATRIX', 'The AHP "matrix" must be an array of rows of numbers.');
  }
  const dimensions = o.dimensions as string[];
  if (new Set(dimensions).size !== dimensions.length) throw new CsiError('INVALID_MATRIX', `The AHP dimensions repeat a name: ${dimensions.join(', ')}.`);
  const r = ahpWeights(o.matrix as number[][], dimensions);
  const warnings = r.consistent ? [] : [`CR = ${r.cr.toFixed(3)} ≥ 0.10: the judgements are inconsistent (Saaty); revise them before using these weights.`];
  return {
    dimensions: [...dimensions],
    weights: Object.fromEntries(dimensions.map((d, i) => [d, r.weights[i]])),
    lambdaMax: r.lambdaMax,
    ci: r.ci,
    ri: r.ri,
    cr: r.cr,
    consistent: r.consistent,
    warnings,
  };
}
