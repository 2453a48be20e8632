import { normalQuantile } from '../inference/index.js';

/** Two-sided interval limits. */
export interface Limits {
  lower: number;
  upper: number;
}

/**
 * Wilson (1927) score interval for one proportion p̂ = x/n (tracking.md §3.1; R `prop.test(x, n, correct = FALSE)`):
 * centre = (p̂ + z²/(2n)) / (1 + z²/n), half = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/(4n²)), clamped to [0, 1].
 * `n` may be non-integer (an effective n). NaN limits when n ≤ 0.
 *
 * @example
 * wilsonInterval(452, 500) // { lower: 0.8750130376, upper: 0.9268264953 }
 */
export function wilsonInterval(x: number, n: number, level = 0.95): Limits {
  if (!(n > 0)) return { lower: NaN, upper: NaN };
  const z = normalQuantile(1 - (1 - level) / 2);
  return wilsonLimits(x / n, n, z);
}

/**
 * Wilson limits for a proportion `p` on (effective) base `n` with critical value `crit` (z, or t for svyciprop),
 * the formula of {@link wilsonInterval}, clamped to [0, 1].
 *
 * @example
 * wilsonLimits(0.904, 500, 1.959963984540054) // { lower: 0.8750130376, upper: 0.9268264953 }
 */
export function wilsonLimits(p: number, n: number, crit: number): Limits {
  const c2 = crit * crit;
  const denom = 1 + c2 / n;
  const centre = (p + c2 / (2 * n)) / denom;
  const half = (crit / denom) * Math.sqrt(Math.max(0, (p * (1 - p)) / n + c2 / (4 * n * n)));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
