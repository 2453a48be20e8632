/**
 * Composite reliability ρ_C (Jöreskog's rho, Dillon–Goldstein's rho) from a block's loadings:
 *
 *   ρ_C = (Σλ)² / ((Σλ)² + Σ(1 − λ²))
 *
 * A single item gives 1, as seminr reports. Source: methodology §8.4; seminr 2.3.1 `compute_rhoC` and `rhoC_AVE`
 * (R/compute_metrics.R, R/evaluate_reliability.R); Dillon & Goldstein (1984).
 *
 * @param loadings - the block's loadings λ (correlations of its items with the composite; PLSc-corrected loadings
 *   for common factors, as seminr uses them).
 *
 * @example
 * rhoC([0.8, 0.6]) // 1.96 / 2.96 = 0.6622
 */
export function rhoC(loadings: ArrayLike<number>): number {
  const k = loadings.length;
  if (k <= 1) return 1;
  let sum = 0;
  let err = 0;
  for (let i = 0; i < k; i++) {
    sum += loadings[i];
    err += 1 - loadings[i] * loadings[i];
  }
  return (sum * sum) / (sum * sum + err);
}
