import { npsVariance } from '../kpi/index.js';
import { normalQuantile } from '../inference/index.js';

/**
 * Respondents to estimate a mean within ±d (tracking.md §5.2): n0 = (z_{1−α/2}·s/d)².
 *
 * @example
 * meanMarginN(14.41, 2) // ≈ 199.4179063 (tracking.md D1)
 */
export function meanMarginN(sd: number, margin: number, alpha = 0.05): number {
  const z = normalQuantile(1 - alpha / 2);
  return ((z * sd) / margin) ** 2;
}

/**
 * Respondents to estimate a proportion within ±E (tracking.md §5.3): n0 = z² p(1 − p)/E², p and E on [0, 1].
 *
 * @example
 * proportionMarginN(0.5, 0.03) // ≈ 1067.07
 */
export function proportionMarginN(p: number, margin: number, alpha = 0.05): number {
  const z = normalQuantile(1 - alpha / 2);
  return (z * z * p * (1 - p)) / (margin * margin);
}

/**
 * Respondents to estimate an NPS within ±d (tracking.md §5.4): n = z² σ²/d², σ² from {@link npsVariance}, d in
 * points (converted to the unit scale as d/100).
 *
 * @example
 * npsMarginN(0.45, 0.2, 5) // ≈ 902.6 → 903
 */
export function npsMarginN(promoters: number, detractors: number, marginPoints: number, alpha = 0.05): number {
  const z = normalQuantile(1 - alpha / 2);
  const d = marginPoints / 100;
  return (z * z * npsVariance(promoters, detractors)) / (d * d);
}

/**
 * Respondents per wave to detect an NPS change of Δ points (tracking.md §5.5):
 * n = (z_{1−α/2} + z_{1−β})² (σ_1² + σ_2²)/Δ² on the unit scale.
 *
 * @example
 * npsChangeN(0.5875, 0.5875, 5) // ≈ 3688.973475 (tracking.md D4)
 */
export function npsChangeN(var1: number, var2: number, deltaPoints: number, power = 0.8, alpha = 0.05): number {
  const k = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  const d = deltaPoints / 100;
  return (k * k * (var1 + var2)) / (d * d);
}

/**
 * Minimum detectable NPS change in points at n per wave (tracking.md §5.5): (z_{1−α/2} + z_{1−β})·√((σ_1² + σ_2²)/n)·100.
 *
 * @example
 * npsChangeDelta(400, 0.5875, 0.5875) // ≈ 15.18
 */
export function npsChangeDelta(n: number, var1: number, var2: number, power = 0.8, alpha = 0.05): number {
  return 100 * (normalQuantile(1 - alpha / 2) + normalQuantile(power)) * Math.sqrt((var1 + var2) / n);
}

/**
 * Respondents to show a proportion target is met by a one-sided score test (tracking.md §5.7):
 * n = ((z_{1−α}√(T(1 − T)) + z_{1−β}√(p(1 − p))) / (p − T))².
 *
 * @example
 * targetProportionN(0.92, 0.9) // ≈ 1302.423879
 */
export function targetProportionN(p: number, target: number, power = 0.8, alpha = 0.05): number {
  const num = normalQuantile(1 - alpha) * Math.sqrt(target * (1 - target)) + normalQuantile(power) * Math.sqrt(p * (1 - p));
  return (num / (p - target)) ** 2;
}

/**
 * Finite-population correction of a sample size (tracking.md §5.3): n = n0 / (1 + (n0 − 1)/N).
 *
 * @example
 * finitePopulationN(1067.0718946372572, 2500) // ≈ 748.0723371 → 749 (Yang 2005, Ex. 4.5)
 */
export function finitePopulationN(n0: number, population: number): number {
  return n0 / (1 + (n0 - 1) / population);
}
