import { normalQuantile } from '../inference/index.js';
import type { Limits } from './wilsonInterval.js';

/** Score statistic Z(Δ0) of Tango (1998) for Δ = p_P − p_D from one trinomial sample. */
function tangoScore(detractors: number, promoters: number, n: number, d0: number): number {
  const A = 2 * n;
  const B = -(promoters + detractors) + (2 * n - promoters + detractors) * d0;
  const C = -detractors * d0 * (1 - d0);
  const q = (Math.sqrt(Math.max(0, B * B - 4 * A * C)) - B) / (2 * A);
  const v = n * (2 * q + d0 * (1 - d0));
  return v > 0 ? (promoters - detractors - n * d0) / Math.sqrt(v) : (promoters - detractors - n * d0) * Infinity;
}

/** Root of f (decreasing) in [lo, hi] by bisection to 1e-15. */
function bisectDecreasing(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * Tango (1998, Stat Med 17:891-908) score interval for one NPS on the unit scale, Δ = (P − D)/n (tracking.md §3.4;
 * oracle `PropCIs::scoreci.mp(b = D, c = P, n)`). With A = 2n, B = −(P + D) + (2n − P + D)Δ0, C = −DΔ0(1 − Δ0),
 * q̃ = (√(B² − 4AC) − B)/(2A) and Z(Δ0) = (P − D − nΔ0)/√(n(2q̃ + Δ0(1 − Δ0))), the interval is
 * {Δ0 : |Z(Δ0)| ≤ z_{1−α/2}}: −1 when D = n, +1 when P = n. Multiply by 100 for points.
 *
 * @example
 * tangoNpsInterval(80, 180, 400) // { lower: 0.1733235424, upper: 0.3233147309 }
 */
export function tangoNpsInterval(detractors: number, promoters: number, n: number, level = 0.95): Limits {
  if (!(n > 0)) return { lower: NaN, upper: NaN };
  const z = normalQuantile(1 - (1 - level) / 2);
  const est = (promoters - detractors) / n;
  // Z(Δ0) decreases in Δ0: lower limit solves Z = z on [−1, est], upper solves Z = −z on [est, 1].
  const lower = detractors === n ? -1 : bisectDecreasing((d) => tangoScore(detractors, promoters, n, d) - z, -1 + 1e-15, est);
  const upper = promoters === n ? 1 : bisectDecreasing((d) => tangoScore(detractors, promoters, n, d) + z, est, 1 - 1e-15);
  return { lower, upper };
}
