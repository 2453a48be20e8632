import { CsiError } from '../errors.js';
import { DEFAULT_MISSING, type MissingRule } from './missing.js';
import type { Moments } from './moments-types.js';
import { checkMoments } from './mergeMoments.js';

/** Item correlations and the per-item summaries behind them, as the PLS engine reads them. */
export interface MomentCorrelation {
  items: string[];
  /** Correlation matrix (p × p, row-major), diagonal exactly 1. */
  r: Float64Array;
  /** Per-item (weighted) means. */
  means: Float64Array;
  /** Per-item (weighted) standard deviations, divisor Σw − 1 (= n − 1 without weights). */
  sds: Float64Array;
  /**
   * Sample size behind the n − 1 divisor and the adjusted R²: Σw of the rows used (= rows without weights;
   * frequency-weight convention), for pairwise deletion the smallest pairwise Σw.
   */
  n: number;
}

/** Relative size under which a centred sum of squares counts as zero variance. */
const ZERO_VAR = 1e-11;

/**
 * Item correlation matrix from {@link Moments} under a missing-value rule, with (weighted) means and SDs.
 *
 * Weights are frequency weights: the weighted variance is Σ w (x − x̄)² / (Σw − 1), so integer weights give exactly
 * the result of duplicating rows (Σw − 1 is the divisor; correlations do not depend on it). With sums of w
 * written sw, s_i = Σ w o_i x_i, m_ij, p_ij, q_ij, c_ij as defined in {@link Moments}:
 *
 * - **complete data / casewise** (moments of complete rows): x̄_i = s_i / sw, scatter C_ij = c_ij − s_i s_j / sw,
 *   r_ij = C_ij / √(C_ii C_jj) (weighted Pearson).
 * - **pairwise** (each r_ij from the rows where both i and j are observed; SmartPLS' pairwise deletion):
 *   C_ij = c_ij − p_ij p_ji / m_ij, V_i = q_ij − p_ij² / m_ij, V_j = q_ji − p_ji² / m_ij, r_ij = C_ij / √(V_i V_j).
 *   The matrix need not be positive definite.
 * - **mean replacement, exactly seminr's rule** (every missing x_i ← μ_i = s_i / m_ii, the (weighted) mean of its
 *   observed rows; then Pearson over all rows), recovered from the pairwise-complete sums without the rows
 *   (engines.md §2). With x̃ the filled data:
 *   Σ w x̃_i = s_i + μ_i (sw − m_ii) = μ_i sw, so the filled mean is μ_i;
 *   Σ w x̃_i² = c_ii + μ_i² (sw − m_ii);
 *   Σ w x̃_i x̃_j = c_ij + μ_i (s_j − p_ji) + μ_j (s_i − p_ij) + μ_i μ_j (sw − m_ii − m_jj + m_ij).
 *   Subtracting sw μ_i μ_j, the filled scatter simplifies (a filled cell sits at the mean and adds nothing) to
 *   C̃_ij = c_ij − μ_i p_ji − μ_j p_ij + μ_i μ_j m_ij and C̃_ii = c_ii − s_i² / m_ii; r_ij = C̃_ij / √(C̃_ii C̃_jj).
 *
 * Errors: OUT_OF_SCALE (an item whose sum of squares overflows, e.g. a value of 1e308), ZERO_VARIANCE (an item, or a pair's rows for pairwise, without variance; `column` names it), TOO_FEW_ROWS
 * (fewer than 2 rows or Σw ≤ 0, or a pair observed together in < 2 rows), NEEDS_ROWS (casewise asked of moments that are not of
 * complete rows), INVALID_MOMENTS (malformed moments).
 *
 * @example
 * const mo = accumulateMoments([new Float64Array([1, 2, 3]), new Float64Array([1, 3, 2])], { names: ['a', 'b'] });
 * correlationFromMoments(mo, 'mean').r // [1, 0.5, 0.5, 1]
 */
export function correlationFromMoments(moments: Moments, missing: MissingRule = DEFAULT_MISSING): MomentCorrelation {
  const mo = moments;
  checkMoments(mo);
  const k = mo.items.length;
  const r = new Float64Array(k * k);
  const means = new Float64Array(k);
  const sds = new Float64Array(k);
  const { c, s, m, p, q, sw } = mo;
  let complete = mo.complete;
  if (!complete && missing === 'casewise') {
    if (mo.nObs.every((v) => v === mo.n)) complete = true;
    else
      throw new CsiError(
        'NEEDS_ROWS',
        'Casewise deletion needs the moments of the complete rows only (momentsFromSurvey with missing "casewise", or SQL with WHERE every item IS NOT NULL); these moments hold incomplete rows.',
      );
  }
  const zeroVar = (i: number, what: string): never => {
    if (!Number.isFinite(c[i * k + i]) || !Number.isFinite(s[i])) {
      throw new CsiError(
        'OUT_OF_SCALE',
        `Item ${mo.items[i]} has values too large to compute with: its (weighted) sum of squares overflows the number range (largest double ≈ 1.8e308). Rescale the item, e.g. divide it by a power of ten.`,
        { column: mo.items[i] },
      );
    }
    throw new CsiError('ZERO_VARIANCE', `Item ${mo.items[i]} has no variance${what}: it cannot be standardized.`, { column: mo.items[i] });
  };
  if (complete || missing !== 'pairwise') {
    if (!(mo.n >= 2 && sw > 0)) throw new CsiError('TOO_FEW_ROWS', `Too few rows: ${mo.n} rows with total weight ${sw} (at least 2 rows with positive weight are needed).`);
  }
  // Frequency-weight divisor Σw − 1; weights normalized to sum ≤ 1 (probability weights) have no such reading, so
  // their SDs use Σw (correlations do not depend on the divisor either way).
  const dof = (total: number): number => (total > 1 ? total - 1 : total);

  if (complete) {
    const scat = new Float64Array(k * k);
    for (let i = 0; i < k; i++) means[i] = s[i] / sw;
    for (let i = 0; i < k; i++) {
      for (let j = i; j < k; j++) {
        const v = c[i * k + j] - means[i] * s[j];
        scat[i * k + j] = v;
        scat[j * k + i] = v;
      }
      const cii = scat[i * k + i];
      if (!(cii > ZERO_VAR * Math.abs(c[i * k + i]))) zeroVar(i, '');
      sds[i] = Math.sqrt(cii / dof(sw));
    }
    fillCorrelation(scat, k, r);
    return { items: [...mo.items], r, means, sds, n: sw };
  }

  for (let i = 0; i < k; i++) {
    const mii = m[i * k + i];
    if (!(mii > 0)) zeroVar(i, ' (it is never observed)');
    means[i] = s[i] / mii;
    const cii = c[i * k + i] - means[i] * s[i];
    if (!(cii > ZERO_VAR * Math.abs(c[i * k + i]))) zeroVar(i, '');
    sds[i] = Math.sqrt(cii / dof(missing === 'pairwise' ? mii : sw));
  }

  if (missing === 'mean') {
    const scat = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      for (let j = i; j < k; j++) {
        const ij = i * k + j;
        const ji = j * k + i;
        const v = i === j ? c[ij] - means[i] * s[i] : c[ij] - means[i] * p[ji] - means[j] * p[ij] + means[i] * means[j] * m[ij];
        scat[ij] = v;
        scat[ji] = v;
      }
    }
    fillCorrelation(scat, k, r);
    return { items: [...mo.items], r, means, sds, n: sw };
  }

  // pairwise
  let nMin = Infinity;
  for (let i = 0; i < k; i++) {
    r[i * k + i] = 1;
    for (let j = i + 1; j < k; j++) {
      const ij = i * k + j;
      const ji = j * k + i;
      const mij = m[ij];
      if (!(mij > 1)) {
        throw new CsiError('TOO_FEW_ROWS', `Items ${mo.items[i]} and ${mo.items[j]} are observed together in too few rows (total weight ${mij}) for a pairwise correlation.`, {
          column: mo.items[i],
        });
      }
      nMin = Math.min(nMin, mij);
      const cij = c[ij] - (p[ij] * p[ji]) / mij;
      const vi = q[ij] - (p[ij] * p[ij]) / mij;
      const vj = q[ji] - (p[ji] * p[ji]) / mij;
      if (!(vi > ZERO_VAR * Math.abs(q[ij]))) zeroVar(i, ` on the rows where ${mo.items[j]} is also observed`);
      if (!(vj > ZERO_VAR * Math.abs(q[ji]))) zeroVar(j, ` on the rows where ${mo.items[i]} is also observed`);
      const v = cij / Math.sqrt(vi * vj);
      r[ij] = v;
      r[ji] = v;
    }
  }
  if (k === 1) nMin = m[0];
  return { items: [...mo.items], r, means, sds, n: nMin };
}

/** r_ij = C_ij / √(C_ii C_jj) with an exact unit diagonal. */
function fillCorrelation(scat: Float64Array, k: number, r: Float64Array): void {
  for (let i = 0; i < k; i++) {
    r[i * k + i] = 1;
    for (let j = i + 1; j < k; j++) {
      const v = scat[i * k + j] / Math.sqrt(scat[i * k + i] * scat[j * k + j]);
      r[i * k + j] = v;
      r[j * k + i] = v;
    }
  }
}
