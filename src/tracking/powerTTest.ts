import { brentRoot, noncentralTCdf, studentTQuantile } from '../inference/index.js';

/** Design of a t-test power calculation, as R `power.t.test`'s `type` and `alternative`. */
export interface PowerTTestDesign {
  sd: number;
  /** Two-sided (default) or one-sided significance level α. Default 0.05. */
  alpha?: number;
  /** 'two.sample' (default; n per group) or 'one.sample'. */
  type?: 'two.sample' | 'one.sample';
  alternative?: 'two.sided' | 'one.sided';
}

/**
 * Power of a t test, as R `power.t.test` (strict = FALSE): ν = (n − 1)·g (g = 2 for two samples, 1 for one),
 * q = t_{1−α/s, ν} (s = 2 two-sided, 1 one-sided), power = P(T'_{ν, ncp} > q) with ncp = √(n/g)·Δ/σ (noncentral t).
 *
 * @example
 * powerTTestPower(250, 3, { sd: 14.41 }) // ≈ 0.6417597558 (tracking.md §5.5)
 */
export function powerTTestPower(n: number, delta: number, design: PowerTTestDesign): number {
  const g = design.type === 'one.sample' ? 1 : 2;
  const side = design.alternative === 'one.sided' ? 1 : 2;
  const alpha = design.alpha ?? 0.05;
  const nu = (n - 1) * g;
  const q = studentTQuantile(1 - alpha / side, nu);
  return 1 - noncentralTCdf(q, nu, (Math.sqrt(n / g) * delta) / design.sd);
}

/**
 * Sample size (per group for two samples) reaching `power` in a t test: the root in n of
 * {@link powerTTestPower}(n) = power on [2, 1e7], as R `power.t.test(delta, sd, power)$n` solves it (R uses
 * `uniroot` with tol ≈ 1.2e-4; this solves to 1e-10). Unrounded.
 *
 * @example
 * powerTTestN(3, 0.8, { sd: 14.41 }) // ≈ 363.1417428 (tracking.md D2)
 */
export function powerTTestN(delta: number, power: number, design: PowerTTestDesign): number {
  return brentRoot((n) => powerTTestPower(n, delta, design) - power, 2, 1e7, { tol: 1e-12, extend: true });
}

/**
 * Minimum detectable difference at n per group: the root in Δ of {@link powerTTestPower}(n, Δ) = power on
 * σ·[1e-7, 1e7] (R `power.t.test(n, sd, power)$delta`).
 *
 * @example
 * powerTTestDelta(250, 0.8, { sd: 14.41 }) // ≈ 3.617856879 (tracking.md §5.5)
 */
export function powerTTestDelta(n: number, power: number, design: PowerTTestDesign): number {
  return brentRoot((d) => powerTTestPower(n, d, design) - power, design.sd * 1e-7, design.sd * 1e7, { tol: 1e-12 });
}
