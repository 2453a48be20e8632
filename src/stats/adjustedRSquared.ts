/**
 * Adjusted R² = 1 − (1 − R²)(n − 1)/(n − k − 1) for `k` predictors and sample size `n` (Σw under frequency
 * weights), as seminr reports it; NaN when n − k − 1 ≤ 0 (no residual degrees of freedom) or R² is NaN.
 *
 * @example
 * adjustedRSquared(0.5, 101, 2) // 0.4897959…
 */
export function adjustedRSquared(r2: number, n: number, k: number): number {
  return n - k - 1 > 0 ? 1 - ((1 - r2) * (n - 1)) / (n - k - 1) : Number.NaN;
}
