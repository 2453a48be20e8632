import { brentRoot, normalCdf, normalQuantile } from '../inference/index.js';

/**
 * Power of the two-sample test of proportions, as R `power.prop.test` (strict = FALSE):
 * Φ((√n |p1 − p2| − z_{1−α/s} √((p1 + p2)(q1 + q2)/2)) / √(p1q1 + p2q2)), n per group, s = 2 two-sided.
 *
 * @example
 * powerPropTestPower(500, 0.85, 0.9) // ≈ 0.6670306286 (tracking.md §5.5)
 */
export function powerPropTestPower(n: number, p1: number, p2: number, alpha = 0.05, alternative: 'two.sided' | 'one.sided' = 'two.sided'): number {
  const side = alternative === 'one.sided' ? 1 : 2;
  const q1 = 1 - p1;
  const q2 = 1 - p2;
  const z = normalQuantile(1 - alpha / side);
  return normalCdf((Math.sqrt(n) * Math.abs(p1 - p2) - z * Math.sqrt(((p1 + p2) * (q1 + q2)) / 2)) / Math.sqrt(p1 * q1 + p2 * q2));
}

/**
 * Sample size per group to detect p1 → p2 with `power` (closed form of the `power.prop.test` power equation):
 * n = (z_{1−α/s} √(2 p̄ q̄) + z_{1−β} √(p1q1 + p2q2))² / (p1 − p2)², p̄ = (p1 + p2)/2. Unrounded.
 *
 * @example
 * powerPropTestN(0.85, 0.9, 0.8) // ≈ 685.5968581 (tracking.md D3)
 */
export function powerPropTestN(p1: number, p2: number, power: number, alpha = 0.05, alternative: 'two.sided' | 'one.sided' = 'two.sided'): number {
  const side = alternative === 'one.sided' ? 1 : 2;
  const za = normalQuantile(1 - alpha / side);
  const zb = normalQuantile(power);
  const pbar = (p1 + p2) / 2;
  const num = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return (num * num) / (p1 - p2) ** 2;
}

/**
 * Minimum detectable rise of a proportion from p1 at n per group: the p2 in (p1, 1) where
 * {@link powerPropTestPower} reaches `power` (R `power.prop.test(n, p1, power)$p2`), returned as p2 − p1; null
 * when even p2 → 1 is not detectable.
 *
 * @example
 * powerPropTestDelta(686, 0.85, 0.8) // ≈ 0.05
 */
export function powerPropTestDelta(n: number, p1: number, power: number, alpha = 0.05): number | null {
  const f = (p2: number): number => powerPropTestPower(n, p1, p2, alpha) - power;
  const hi = 1 - 1e-12;
  if (f(hi) < 0) return null;
  return brentRoot(f, p1, hi, { tol: 1e-13 }) - p1;
}
