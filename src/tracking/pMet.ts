import { normalCdf, regularizedBeta, studentTCdf } from '../inference/index.js';

/**
 * P(θ meets the target) in the normal form of tracking.md §4.2 (weighted means, indices, changes, NPS):
 * Φ((θ̂ − T)/SE) for '>=' / '>', Φ((T − θ̂)/SE) for '<=' / '<'. Null without an SE.
 *
 * @example
 * pMetNormal(6.428571429, 5.332492417, 5, '>=') // ≈ 0.6056116157 (tracking.md C3)
 */
export function pMetNormal(estimate: number, se: number | null, target: number, comparator: '>=' | '<=' | '>' | '<'): number | null {
  if (se === null || !(se > 0)) return null;
  const z = (estimate - target) / se;
  return comparator === '>=' || comparator === '>' ? normalCdf(z) : normalCdf(-z);
}

/**
 * P(μ ≥ T) for an unweighted mean under the Jeffreys prior (tracking.md §4.2): F_t((x̄ − T)/(s/√n); n − 1).
 *
 * @example
 * pMetMeanT(4.56, 0.62, 180, 4.5) // ≈ 0.9020833749 (tracking.md C2)
 */
export function pMetMeanT(mean: number, sd: number, n: number, target: number): number {
  return studentTCdf((mean - target) / (sd / Math.sqrt(n)), n - 1);
}

/**
 * P(p ≥ T) for a proportion x/n under the Jeffreys prior (tracking.md §4.2): 1 − I_T(x + ½, n − x + ½)
 * (R `pbeta(T, x + .5, n - x + .5, lower.tail = FALSE)`).
 *
 * @example
 * pMetProportionJeffreys(452, 500, 0.9) // ≈ 0.6101998344 (tracking.md C1)
 */
export function pMetProportionJeffreys(x: number, n: number, target: number): number {
  return 1 - regularizedBeta(target, x + 0.5, n - x + 0.5);
}
