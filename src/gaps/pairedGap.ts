import { oneSampleT } from './oneSampleT.js';
import type { GapResult } from './types.js';

/** Options of {@link pairedGap}. */
export interface PairedGapOptions {
  perceived?: string;
  expected?: string;
  /** Sampling weights parallel to the scores. */
  weights?: Float64Array | null;
  /** Confidence level (default 0.95). */
  level?: number;
}

/** P and E equal within this on the 0-100 scale count as "not below". */
export const GAP_TIE = 1e-9;

const nn = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Paired expectation-vs-perception gap on the 0-100 scale (methodology.md §5, tracking.md §1.1): per respondent
 * d_i = P_i − E_i over the respondents with both scores; mean d̄ (weighted: Σwd/W), SD (n−1; weighted
 * √(n/(n−1)·Σw(d − d̄)²/W)), SE = SD/√n (weighted: the linearisation SE of tracking.md §1.2), 95 % t interval and
 * t = d̄/SE with n − 1 df, two-sided p; `ratio` = P̄/Ē (ratio of the means, methodology.md §5); `shareBelow` the
 * (weighted) share with P < E strictly (|P − E| ≤ 1e-9 counts as not below). SE 0 gives t and p null.
 *
 * @example
 * pairedGap(Float64Array.of(80, 70, 90), Float64Array.of(70, 70, 80)) // { mean: 6.67, ratio: 1.0909, shareBelow: 0, ... }
 */
export function pairedGap(perceived: Float64Array, expected: Float64Array, options: PairedGapOptions = {}): GapResult {
  const w = options.weights ?? null;
  let n = 0;
  let sw = 0;
  let sd = 0;
  let sp = 0;
  let se = 0;
  let below = 0;
  for (let i = 0; i < perceived.length; i++) {
    const p = perceived[i];
    const e = expected[i];
    if (Number.isNaN(p) || Number.isNaN(e)) continue;
    const wi = w ? w[i] : 1;
    n++;
    sw += wi;
    sd += wi * (p - e);
    sp += wi * p;
    se += wi * e;
    if (p < e - GAP_TIE) below += wi;
  }
  const base = { perceived: options.perceived ?? 'perceived', expected: options.expected ?? 'expected', n };
  if (n === 0 || !(sw > 0)) return { ...base, mean: null, sd: null, se: null, lower: null, upper: null, t: null, p: null, ratio: null, shareBelow: null };
  const mean = sd / sw;
  let ss = 0;
  let ssw2 = 0;
  for (let i = 0; i < perceived.length; i++) {
    const p = perceived[i];
    const e = expected[i];
    if (Number.isNaN(p) || Number.isNaN(e)) continue;
    const wi = w ? w[i] : 1;
    const r = p - e - mean;
    ss += wi * r * r;
    ssw2 += wi * wi * r * r;
  }
  const sdev = n > 1 ? Math.sqrt(((n / (n - 1)) * ss) / sw) : NaN;
  const sem = n > 1 ? Math.sqrt(((n / (n - 1)) * ssw2) / (sw * sw)) : NaN;
  return {
    ...base,
    mean,
    sd: nn(sdev),
    se: nn(sem),
    ...oneSampleT(mean, sem, n, options.level ?? 0.95),
    ratio: se !== 0 ? nn(sp / se) : null,
    shareBelow: below / sw,
  };
}

