import { normalCdf, normalQuantile } from '../stats/index.js';
import { quantileType7Sorted } from './quantile.js';

/** A two-sided interval [lower, upper]. */
export type Interval = [number, number];

/**
 * Percentile interval: R type-7 quantiles of the bootstrap draws at (1 − level)/2 and (1 + level)/2 — what
 * seminr's `conf_int` reports (`quantile(x, c(alpha/2, 1 - alpha/2))`).
 *
 * @example
 * percentileInterval([1, 2, 3, 4, 5], 0.5) // [2, 4]
 */
export function percentileInterval(sorted: ArrayLike<number>, level: number): Interval {
  const a = (1 - level) / 2;
  return [quantileType7Sorted(sorted, a), quantileType7Sorted(sorted, 1 - a)];
}

/**
 * Bias-correction constant ẑ₀ = Φ⁻¹(#{θ*_b < θ̂} / B) (Efron 1987; strict "<" as in Efron & Tibshirani 1993 eq. 14.14
 * and R's `boot`; cSEM counts "≤"). ±Infinity when every draw is on one side of θ̂.
 *
 * @example
 * biasCorrection([1, 2, 3, 4], 2.5) // 0 (half the draws are below 2.5)
 */
export function biasCorrection(sorted: ArrayLike<number>, original: number): number {
  let below = 0;
  for (let i = 0; i < sorted.length; i++) if (sorted[i] < original) below++;
  return normalQuantile(below / sorted.length);
}

/**
 * Jackknife acceleration (Efron 1987; Efron & Tibshirani 1993 eq. 14.15) from leave-one-out (or leave-group-out)
 * estimates θ̂₍ᵢ₎: â = Σ(θ̄₍·₎ − θ̂₍ᵢ₎)³ / (6 [Σ(θ̄₍·₎ − θ̂₍ᵢ₎)²]^{3/2}). Returns 0 when all θ̂₍ᵢ₎ are equal.
 *
 * @example
 * jackknifeAcceleration([0, 0, 3]) // (1 + 1 − 8) / (6 · 6^{1.5}) ≈ −0.068041
 */
export function jackknifeAcceleration(jackknife: ArrayLike<number>): number {
  const n = jackknife.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += jackknife[i];
  mean /= n;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < n; i++) {
    const d = mean - jackknife[i];
    s2 += d * d;
    s3 += d * d * d;
  }
  if (s2 === 0) return 0;
  return s3 / (6 * Math.pow(s2, 1.5));
}

/**
 * Adjusted percentile level of the BCa interval (Efron 1987): α' = Φ(ẑ₀ + (ẑ₀ + z_α) / (1 − â(ẑ₀ + z_α))).
 * With ẑ₀ = ±Infinity (all draws on one side) the level is 1 or 0, i.e. the extreme draw.
 *
 * @example
 * bcaLevel(0.025, 0, 0) // 0.025 (no bias, no acceleration: the percentile level)
 */
export function bcaLevel(alpha: number, z0: number, acceleration: number): number {
  if (!Number.isFinite(z0)) return Number.isNaN(z0) ? NaN : z0 > 0 ? 1 : 0;
  const z = normalQuantile(alpha) + z0;
  const denom = 1 - acceleration * z;
  if (!(denom > 0)) return z > 0 ? 1 : 0; // at/past the pole of the transform: take its limit from inside, the far end
  return normalCdf(z0 + z / denom);
}

/**
 * Bias-corrected and accelerated (BCa) interval (Efron 1987): R type-7 quantiles of the draws at the levels of
 * {@link bcaLevel} for (1 − level)/2 and (1 + level)/2. `acceleration` = 0 gives the bias-corrected (BC) interval.
 *
 * @example
 * bcaInterval([1, 2, 3, 4, 5], 3, 0, 0.5) // ≈ [1.475, 3.267]: z0 = Φ⁻¹(2/5) shifts both levels down
 */
export function bcaInterval(sorted: ArrayLike<number>, original: number, acceleration: number, level: number): Interval {
  const z0 = biasCorrection(sorted, original);
  const a = (1 - level) / 2;
  return [
    quantileType7Sorted(sorted, bcaLevel(a, z0, acceleration)),
    quantileType7Sorted(sorted, bcaLevel(1 - a, z0, acceleration)),
  ];
}
