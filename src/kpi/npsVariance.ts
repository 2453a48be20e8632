/**
 * Plug-in trinomial variance of one respondent's NPS score (+1/0/−1) on the unit scale (tracking.md §3.4, NPS package
 * `npvar`): σ² = p_P + p_D − (p_P − p_D)². SE(NPS) = √(σ²/n).
 *
 * @example
 * npsVariance(0.45, 0.2) // 0.5875
 */
export function npsVariance(promoterShare: number, detractorShare: number): number {
  const d = promoterShare - detractorShare;
  return promoterShare + detractorShare - d * d;
}
