/**
 * Average variance extracted (Fornell & Larcker 1981) from a block's loadings:
 *
 *   AVE = Σλ² / K
 *
 * A single item gives 1, as seminr reports. Source: methodology §8.4; seminr 2.3.1 `compute_AVE` and `rhoC_AVE`
 * (R/compute_metrics.R, R/evaluate_reliability.R).
 *
 * @param loadings - the block's loadings λ (PLSc-corrected loadings for common factors, as seminr uses them).
 *
 * @example
 * averageVarianceExtracted([0.8, 0.6]) // (0.64 + 0.36) / 2 = 0.5
 */
export function averageVarianceExtracted(loadings: ArrayLike<number>): number {
  const k = loadings.length;
  if (k <= 1) return 1;
  let s = 0;
  for (let i = 0; i < k; i++) s += loadings[i] * loadings[i];
  return s / k;
}
