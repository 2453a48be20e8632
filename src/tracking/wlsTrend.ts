import { logGamma, normalCdf, studentTCdf } from '../inference/index.js';

/** The known-SE WLS trend of wave estimates (tracking.md §2.10). */
export interface WlsTrend {
  /** Slope b per unit of the time score. */
  slope: number;
  /** SE_known(b) = 1/√(Σu(τ − τ̄_u)²). */
  se: number;
  /** z = b / SE_known. */
  z: number;
  /** Two-sided normal p of z. */
  p: number;
  /** Residual chi-square Q = Σ u r². */
  q: number;
  /** k − 2. */
  df: number;
  /** P(χ²_df ≥ Q): the over-dispersion check. */
  qP: number;
  /** SE_known·√(Q/df) (= R's `lm(est ~ t, weights = 1/se^2)` SE); report it when Q/df > 1. */
  scaledSe: number;
  /** Two-sided t(df) p of b / scaledSe. */
  scaledP: number;
}

/** Regularized upper incomplete gamma Q(df/2, x/2): series below a + 1, continued fraction above (Numerical Recipes §6.2). */
function chiSquareUpper(x: number, df: number): number {
  if (!(x > 0)) return 1;
  // regularized upper incomplete gamma Q(a, x/2), a = df/2 (Numerical Recipes §6.2)
  const a = df / 2;
  const xx = x / 2;
  const lg = logGamma(a);
  if (xx < a + 1) {
    let sum = 1 / a;
    let del = sum;
    let ap = a;
    for (let n = 0; n < 1000; n++) {
      ap += 1;
      del *= xx / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
    }
    return 1 - sum * Math.exp(-xx + a * Math.log(xx) - lg);
  }
  let b = xx + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(-xx + a * Math.log(xx) - lg) * h;
}

/**
 * Upper tail of χ²_df at x (R: `pchisq(x, df, lower.tail = FALSE)`); for df = 1 it is 2(1 − Φ(√x)).
 *
 * @example
 * chiSquareUpperTail(3.841458820694124, 1) // ≈ 0.05
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (df === 1) return 2 * normalCdf(-Math.sqrt(Math.max(0, x)));
  return chiSquareUpper(x, df);
}

/**
 * Trend of k ≥ 3 wave estimates θ̂_t with known SEs by weighted least squares (tracking.md §2.10): u_t = 1/SE_t²,
 * b = Σu(τ − τ̄_u)(θ̂ − θ̄_u) / Σu(τ − τ̄_u)², SE_known = 1/√(Σu(τ − τ̄_u)²), z test; Q = Σ u r² on k − 2 df,
 * scaled SE = SE_known·√(Q/(k − 2)) with a t(k − 2) test. Time scores default to 1..k.
 * Oracle: `lm(est ~ t, weights = 1/se^2)`.
 *
 * @example
 * wlsTrend([76.2, 77.0, 76.8, 78.1, 78.9, 79.4], [0.95, 0.92, 0.97, 0.90, 0.93, 0.91]).slope // ≈ 0.6560240469 (tracking.md A3)
 */
export function wlsTrend(estimates: readonly number[], ses: readonly number[], time?: readonly number[]): WlsTrend | null {
  const k = estimates.length;
  if (k < 3 || ses.length !== k) return null;
  const tau = time ?? estimates.map((_, i) => i + 1);
  const u = ses.map((s) => 1 / (s * s));
  if (!u.every((v) => Number.isFinite(v) && v > 0)) return null;
  const su = u.reduce((a, b) => a + b, 0);
  const tbar = u.reduce((a, w, i) => a + w * tau[i], 0) / su;
  const ybar = u.reduce((a, w, i) => a + w * estimates[i], 0) / su;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < k; i++) {
    sxx += u[i] * (tau[i] - tbar) ** 2;
    sxy += u[i] * (tau[i] - tbar) * (estimates[i] - ybar);
  }
  const slope = sxy / sxx;
  const se = 1 / Math.sqrt(sxx);
  const z = slope / se;
  let q = 0;
  for (let i = 0; i < k; i++) q += u[i] * (estimates[i] - ybar - slope * (tau[i] - tbar)) ** 2;
  const df = k - 2;
  const scaledSe = se * Math.sqrt(q / df);
  const tScaled = slope / scaledSe;
  return {
    slope,
    se,
    z,
    p: 2 * normalCdf(-Math.abs(z)),
    q,
    df,
    qP: chiSquareUpperTail(q, df),
    scaledSe,
    scaledP: 2 * studentTCdf(-Math.abs(tScaled), df),
  };
}

/**
 * Chi-squared test for trend in proportions (Cochran–Armitage), as R `prop.trend.test(x, n, score)`:
 * f = x/n, p̄ = Σx/Σn, weights w = n/(p̄(1 − p̄)), X² = (Σw(s − s̄_w)(f − f̄_w))² / Σw(s − s̄_w)², df 1.
 *
 * @example
 * propTrendTest([430, 441, 437, 452, 455, 463], [500, 500, 500, 500, 500, 500]).statistic // ≈ 14.69650171 (tracking.md A3c)
 */
export function propTrendTest(x: readonly number[], n: readonly number[], score?: readonly number[]): { statistic: number; df: 1; p: number } {
  const s = score ?? x.map((_, i) => i + 1);
  const pbar = x.reduce((a, b) => a + b, 0) / n.reduce((a, b) => a + b, 0);
  const w = n.map((v) => v / pbar / (1 - pbar));
  const f = x.map((v, i) => v / n[i]);
  const sw = w.reduce((a, b) => a + b, 0);
  const sbar = w.reduce((a, wi, i) => a + wi * s[i], 0) / sw;
  const fbar = w.reduce((a, wi, i) => a + wi * f[i], 0) / sw;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += w[i] * (s[i] - sbar) * (f[i] - fbar);
    sxx += w[i] * (s[i] - sbar) ** 2;
  }
  const statistic = (sxy * sxy) / sxx;
  return { statistic, df: 1, p: chiSquareUpperTail(statistic, 1) };
}
