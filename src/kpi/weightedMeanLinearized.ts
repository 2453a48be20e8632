/** A (weighted) mean with its linearisation variance, as {@link weightedMeanLinearized} returns it. */
export interface LinearizedMean {
  /** Rows used (observed y, weight > 0 counted as well as weight 0 rows with observed y). */
  n: number;
  /** Σw over the rows used. */
  sumWeights: number;
  mean: number;
  /** Var_lin(ȳ_w); with unit weights s²/n. NaN when n < 2. */
  variance: number;
  /** Kish's effective n of the rows used. */
  nEff: number;
}

/**
 * Weighted mean and its linearisation (with-replacement) variance, what R `survey::svymean` computes for
 * `svydesign(ids = ~1, weights = ~w)` (tracking.md §1.2):
 * ȳ_w = Σwy/W, Var_lin(ȳ_w) = n/(n−1) · Σ w²(y − ȳ_w)² / W². With unit weights this is s²/n (the t-test SE²).
 * Rows whose y is NaN are skipped (observed answers only).
 *
 * @example
 * weightedMeanLinearized(Float64Array.of(1, 2, 3), null) // { n: 3, mean: 2, variance: 1 / 3, ... }
 */
export function weightedMeanLinearized(y: Float64Array, weights: Float64Array | null): LinearizedMean {
  let n = 0;
  let sw = 0;
  let sww = 0;
  let swy = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (Number.isNaN(v)) continue;
    const w = weights ? weights[i] : 1;
    n++;
    sw += w;
    sww += w * w;
    swy += w * v;
  }
  const mean = sw > 0 ? swy / sw : NaN;
  let ss = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (Number.isNaN(v)) continue;
    const w = weights ? weights[i] : 1;
    ss += w * w * (v - mean) * (v - mean);
  }
  const variance = n > 1 && sw > 0 ? ((n / (n - 1)) * ss) / (sw * sw) : NaN;
  return { n, sumWeights: sw, mean, variance, nEff: sww > 0 ? (sw * sw) / sww : 0 };
}
