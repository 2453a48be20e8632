import { studentTTwoSided } from '../stats/index.js';
import { bcaInterval, bcaLevel, biasCorrection, jackknifeAcceleration, percentileInterval, type Interval } from './intervals.js';
import { selectPositions, type7Positions } from './quantile.js';

/** How the p value and t are referenced: 0 for coefficients (H0: θ = 0), 1 for HTMT (H0: HTMT = 1, as seminr). */
export type NullValue = 0 | 1;

/** Options of {@link summarizeDraws}. */
export interface SummarizeDrawsOptions {
  /** Confidence level. Default 0.95. */
  level?: number;
  /** Leave-one-out (or leave-group-out) estimates for the BCa acceleration; without them BCa is not computed. */
  jackknife?: ArrayLike<number>;
  /** Null value for t and p: 0 (default) or 1 (HTMT, as seminr's `parse_boot_array_htmt`). */
  nullValue?: NullValue;
}

/** Bootstrap summary of one statistic. */
export interface DrawSummary {
  /** Estimate on the full data. */
  estimate: number;
  /** Mean of the bootstrap draws. */
  mean: number;
  /** Bootstrap standard error: SD of the draws with divisor B − 1 (R `sd`). */
  se: number;
  /** mean − estimate. */
  bias: number;
  /**
   * t = estimate / se (seminr's "T Stat."); for HTMT (null value 1) t = (1 − estimate) / se. NaN when se = 0 or
   * t > 999999999 (seminr prints NA then, e.g. for a single item's weight of 1).
   */
  t: number;
  /**
   * Two-sided bootstrap p value as seminr reports it (`parse_boot_array`): 2·min(P*(θ* ≤ 0), P*(θ* > 0)), the
   * share of draws on either side of the null value; for HTMT 2·min(P*(θ* < 1), P*(θ* ≥ 1)).
   */
  p: number;
  /** Two-sided p of t under Student's t with B − 1 degrees of freedom (2·pt(−|t|, B − 1)), the textbook reading. */
  pT: number;
  /** Percentile interval (R type-7 quantiles). */
  percentile: Interval;
  /** Bias-corrected (BC) percentile interval. */
  bc: Interval;
  /** BCa interval, present when jackknife estimates were given. */
  bca?: Interval;
  /** Jackknife acceleration â, present with `bca`. */
  acceleration?: number;
}

/**
 * Summarize the bootstrap draws of one statistic: mean, SE (SD with divisor B − 1), t, seminr's bootstrap p, the
 * t-distribution p, percentile / BC / BCa intervals. NaN draws must be removed beforehand.
 *
 * @example
 * const s = summarizeDraws(2, [1, 2, 3, 4]);
 * s.mean // 2.5
 * s.percentile // [1.075, 3.925] (R: quantile(1:4, c(.025, .975)))
 */
export function summarizeDraws(estimate: number, draws: ArrayLike<number>, options: SummarizeDrawsOptions = {}): DrawSummary {
  const level = options.level ?? 0.95;
  const nullValue = options.nullValue ?? 0;
  const b = draws.length;
  const acceleration = options.jackknife ? jackknifeAcceleration(options.jackknife) : undefined;
  const sorted = orderedForQuantiles(draws, estimate, level, acceleration);
  let mean = 0;
  for (let i = 0; i < b; i++) mean += draws[i];
  mean /= b;
  let ss = 0;
  for (let i = 0; i < b; i++) ss += (draws[i] - mean) * (draws[i] - mean);
  const se = b > 1 ? Math.sqrt(ss / (b - 1)) : NaN;
  const tRaw = nullValue === 1 ? (1 - estimate) / se : estimate / se;
  const t = se > 0 && !(tRaw > 999999999) ? tRaw : NaN; // seminr reports NA above 999999999 (and for SD 0)
  let low = 0;
  for (let i = 0; i < b; i++) if (nullValue === 1 ? draws[i] < 1 : draws[i] <= 0) low++;
  const p = b > 0 ? 2 * Math.min(low / b, (b - low) / b) : NaN;
  const out: DrawSummary = {
    estimate,
    mean,
    se,
    bias: mean - estimate,
    t,
    p,
    pT: b > 1 ? studentTTwoSided(t, b - 1) : NaN,
    percentile: percentileInterval(sorted, level),
    bc: bcaInterval(sorted, estimate, 0, level),
  };
  if (acceleration !== undefined) {
    out.acceleration = acceleration;
    out.bca = bcaInterval(sorted, estimate, acceleration, level);
  }
  return out;
}

/**
 * A copy of the draws in which every position the percentile, BC and BCa quantiles read holds the value of the
 * sorted draws (a partial sort by {@link selectPositions}; the BC/BCa levels need only ẑ₀, a count). Sorted fully
 * when a draw is NaN or zero (a typed-array sort orders −0 before +0; selection by comparison does not).
 */
function orderedForQuantiles(draws: ArrayLike<number>, estimate: number, level: number, acceleration: number | undefined): Float64Array {
  const a = Float64Array.from(draws);
  const b = a.length;
  for (let i = 0; i < b; i++) {
    const v = a[i];
    if (v !== v || v === 0) return a.sort();
  }
  const z0 = biasCorrection(a, estimate);
  const lo = (1 - level) / 2;
  const levels = [lo, 1 - lo, bcaLevel(lo, z0, 0), bcaLevel(1 - lo, z0, 0)];
  if (acceleration !== undefined) levels.push(bcaLevel(lo, z0, acceleration), bcaLevel(1 - lo, z0, acceleration));
  const positions: number[] = [];
  for (const p of levels) positions.push(...type7Positions(b, p));
  selectPositions(a, positions);
  return a;
}
