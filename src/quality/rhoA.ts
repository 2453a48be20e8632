/**
 * Dijkstra–Henseler's ρ_A of one block from its item correlations S and its final outer weights ŵ:
 *
 *   ρ_A = (ŵ'ŵ)² · ŵ'(S − diag S)ŵ / ŵ'(ŵŵ' − diag(ŵŵ'))ŵ
 *
 * with ŵ scaled so that the composite has unit variance (ŵ'Sŵ = 1, as PLS outer weights are; other scalings are
 * rescaled to that first, so the result does not depend on the weights' scale). A single item gives 1. Callers give
 * mode-B constructs ρ_A = 1 (seminr does; see `reliability`).
 * Source: methodology §8.3; Dijkstra & Henseler (2015), *MIS Quarterly* 39(2) 297–316, eq. for ρ_A; seminr 2.3.1
 * `compute_construct_rhoA` (R/compute_metrics.R).
 *
 * @param blockCorrelation - the K × K item correlation matrix of the block, row-major.
 * @param weights - the block's K outer weights.
 * @returns ρ_A; NaN when the weights are all zero.
 *
 * @example
 * // two items correlating 0.5 with equal weights: ρ_A equals standardized alpha, 2·0.5/(1+0.5)
 * rhoA(new Float64Array([1, 0.5, 0.5, 1]), [1, 1]) // 0.6667
 */
export function rhoA(blockCorrelation: ArrayLike<number>, weights: ArrayLike<number>): number {
  const k = weights.length;
  if (k <= 1) return 1;
  let wSw = 0; // ŵ'Sŵ, to rescale ŵ to a unit-variance composite
  let wOffSw = 0; // ŵ'(S − diag S)ŵ
  let ww = 0; // ŵ'ŵ
  let w4 = 0; // Σ ŵ⁴ = ŵ' diag(ŵŵ') ŵ
  for (let a = 0; a < k; a++) {
    const wa = weights[a];
    ww += wa * wa;
    w4 += wa * wa * wa * wa;
    for (let b = 0; b < k; b++) {
      const t = wa * blockCorrelation[a * k + b] * weights[b];
      wSw += t;
      if (a !== b) wOffSw += t;
    }
  }
  // ŵ'(ŵŵ' − diag(ŵŵ'))ŵ = (ŵ'ŵ)² − Σŵ⁴. With ŵ → cŵ the formula scales by c², so divide by ŵ'Sŵ.
  const denom = ww * ww - w4;
  if (!(wSw > 0) || denom === 0) return Number.NaN;
  return ((ww * ww * wOffSw) / denom) / wSw;
}
