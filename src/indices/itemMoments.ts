import type { MissingRule } from '../pls/index.js';
import { correlationFromMoments, selectMoments, type Moments } from '../stats/index.js';

/** Means, SDs and covariance of some items, as the index layer reads them (one place: see {@link itemMoments}). */
export interface ItemMoments {
  items: string[];
  /** (Weighted) item means after the missing rule (mean replacement leaves them unchanged). */
  means: Float64Array;
  /** (Weighted) item SDs: the SDs the PLS estimator standardizes with (divisor n − 1); with sampling weights the
   * divisor is (n − 1)/n · Σw (weights rescaled to sum n), a common factor off the estimator's, so SDs do not depend
   * on the scale of the weights. */
  sds: Float64Array;
  /** Covariance matrix (p × p, row-major), cov_ij = r_ij · s_i · s_j. */
  cov: Float64Array;
  /** Rows behind the figures (COUNT(*) of the moments). */
  n: number;
  /** Σ w of those rows (= n without weights). */
  sumWeights: number;
  /** Kish's effective n, (Σw)² / Σw² (= n without weights). */
  nEff: number;
  weighted: boolean;
}

/**
 * Item means, SDs and covariance matrix under a missing-value rule, from {@link Moments} alone (no pass over rows).
 *
 * Reuses {@link correlationFromMoments} (the estimator's own figures) and rebuilds the covariance as
 * `Σ_ij = r_ij s_i s_j`. Under mean replacement this is exactly the covariance of the mean-filled data (a filled
 * cell sits at its item's mean: same mean, filled scatter C̃_ij, divisor Σw − 1; docs engines.md §2); casewise: of the
 * complete rows; pairwise: pairwise correlations with each item's own SD (an approximation, need not be PSD).
 * Kish's effective n = (Σw)² / Σw² (methodology §9). This is the one function the index layer reads item
 * summaries from; a PlsResult's `items` field can later feed the same shape.
 *
 * @example
 * const im = itemMoments(momentsFromSurvey(survey), ['CUSA1', 'CUSA2'], 'mean');
 * im.means[0]; im.cov[1] // mean of CUSA1, cov(CUSA1, CUSA2)
 */
export function itemMoments(moments: Moments, items: readonly string[], missing: MissingRule = 'mean'): ItemMoments {
  const sel = selectMoments(moments, items);
  const { r, means, sds } = correlationFromMoments(sel, missing);
  const p = items.length;
  // With sampling weights the estimator's divisor (Σw − 1, or Σw when Σw ≤ 1) depends on the arbitrary scale of the
  // weights; index SDs and SEs must not. Rescale to the weights-sum-to-n divisor (n − 1)/n · Σw (= n − 1 without
  // weights, = Σw − 1 when Σw = n): one common factor, so the ratios w_k / s_k (index weights) are unchanged.
  if (moments.weighted && moments.n > 1 && moments.sw > 0) {
    const dof = moments.sw > 1 ? moments.sw - 1 : moments.sw;
    const f = Math.sqrt(dof / (((moments.n - 1) / moments.n) * moments.sw));
    for (let i = 0; i < p; i++) sds[i] *= f;
  }
  const cov = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) cov[i * p + j] = r[i * p + j] * sds[i] * sds[j];
  const nEff = moments.sww > 0 ? (moments.sw * moments.sw) / moments.sww : moments.n;
  return {
    items: [...items],
    means,
    sds,
    cov,
    n: moments.n,
    sumWeights: moments.sw,
    nEff: moments.weighted ? nEff : moments.n,
    weighted: moments.weighted,
  };
}
