import { studentTCdf, studentTQuantile } from '../inference/index.js';

/**
 * Summary of one independent sample for a two-sample test: its mean, n and either the SD of the per-respondent
 * score (then v = sd²/n) or the SE of the mean (then v = se², e.g. a weighted linearisation SE).
 */
export interface SampleSummary {
  mean: number;
  n: number;
  sd?: number | null;
  se?: number | null;
}

/** A two-sample difference x − y with its Welch test and interval. */
export interface WelchResult {
  diff: number;
  se: number;
  t: number | null;
  df: number | null;
  p: number | null;
  lower: number | null;
  upper: number | null;
}

function varianceOfMean(s: SampleSummary): number {
  if (s.se !== undefined && s.se !== null) return s.se * s.se;
  if (s.sd !== undefined && s.sd !== null) return (s.sd * s.sd) / s.n;
  return NaN;
}

/**
 * Welch's two-sample t from summary statistics (R `t.test(x, y)`, Welch is R's default; tracking.md §2.5):
 * Δ = x̄ − ȳ, v_j = s_j²/n_j (or se_j²), SE = √(v_x + v_y), t = Δ/SE,
 * ν = (v_x + v_y)² / (v_x²/(n_x − 1) + v_y²/(n_y − 1)) (Welch–Satterthwaite), CI Δ ± t_{1−α/2, ν}·SE,
 * p = 2·P(T_ν ≥ |t|). With SE = 0 or n < 2 the test figures are null.
 *
 * @example
 * welchTest({ mean: 74.6, sd: 13.8, n: 260 }, { mean: 72.45, sd: 14.41, n: 250 }).df // ≈ 504.5672446 (tracking.md A1)
 */
export function welchTest(x: SampleSummary, y: SampleSummary, level = 0.95): WelchResult {
  const diff = x.mean - y.mean;
  const vx = varianceOfMean(x);
  const vy = varianceOfMean(y);
  const se = Math.sqrt(vx + vy);
  if (!(se > 0) || !(x.n >= 2) || !(y.n >= 2)) return { diff, se: Number.isFinite(se) ? se : NaN, t: null, df: null, p: null, lower: null, upper: null };
  const t = diff / se;
  const df = (vx + vy) ** 2 / ((vx * vx) / (x.n - 1) + (vy * vy) / (y.n - 1));
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  const p = 2 * studentTCdf(-Math.abs(t), df);
  return { diff, se, t, df, p, lower: diff - q * se, upper: diff + q * se };
}
