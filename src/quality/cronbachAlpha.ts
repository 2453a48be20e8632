/**
 * Standardized Cronbach's alpha of one block, from its items' correlation matrix:
 *
 *   α = K/(K−1) · (1 − K / Σ_{a,b} R_ab)
 *
 * (K items; the sum runs over the whole K × K matrix, diagonal included). A single item gives 1, as seminr reports.
 * Source: methodology §8.4; seminr 2.3.1 `cron_alpha` on `cor(data)[items, items]` (R/evaluate_reliability.R);
 * Cronbach (1951). Plain (unstandardized) alpha would need covariances; PLS works on correlations, like seminr.
 *
 * @param blockCorrelation - the K × K item correlation matrix of the block, row-major.
 * @param k - number of items K.
 * @returns alpha; NaN when the items' correlations sum to 0.
 *
 * @example
 * cronbachAlpha(new Float64Array([1, 0.5, 0.5, 1]), 2) // 2·0.5/(1+0.5) = 0.6667
 */
export function cronbachAlpha(blockCorrelation: ArrayLike<number>, k: number): number {
  if (k <= 1) return 1;
  let sum = 0;
  for (let i = 0; i < k * k; i++) sum += blockCorrelation[i];
  if (sum === 0) return Number.NaN;
  return (k / (k - 1)) * (1 - k / sum);
}
