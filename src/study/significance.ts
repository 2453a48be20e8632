/**
 * The significance decision every renderer shows: one level and one rule, here, so report/ and cli/ read the
 * decision instead of comparing p values themselves.
 */

/** The two-sided significance level the Study's marks use (5 %, as the reports' notes say). */
export const SIGNIFICANCE_LEVEL = 0.05;

/**
 * Null-hypothesis significance decision: p < α (Neyman–Pearson; α = {@link SIGNIFICANCE_LEVEL} by default).
 * An unknown p (null) is never significant.
 *
 * @example
 * isSignificant(0.004) // true
 * isSignificant(null)  // false
 */
export function isSignificant(p: number | null | undefined, alpha = SIGNIFICANCE_LEVEL): boolean {
  return p !== null && p !== undefined && p < alpha;
}

/**
 * Significance stars of a bootstrap estimate: from its p value (*** < 0.001, ** < 0.01, * < α), else `*` when the
 * percentile/BCa interval excludes 0 (the interval test at its own level, Efron & Tibshirani 1993 §16.4); '' when
 * not significant or unknown.
 *
 * @example
 * significanceStars({ p: 0.004, lower: 0.1, upper: 0.3 }) // '**'
 * significanceStars({ p: null, lower: -0.2, upper: 0.3 }) // ''
 */
export function significanceStars(e: { p: number | null; lower: number | null; upper: number | null } | undefined, alpha = SIGNIFICANCE_LEVEL): string {
  if (!e) return '';
  if (e.p !== null) return e.p < 0.001 ? '***' : e.p < 0.01 ? '**' : e.p < alpha ? '*' : '';
  if (e.lower !== null && e.upper !== null) return e.lower > 0 || e.upper < 0 ? '*' : '';
  return '';
}
