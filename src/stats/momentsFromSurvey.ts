import type { Survey } from '../data/index.js';
import type { MissingRule } from './missing.js';
import type { Moments } from './moments-types.js';
import { accumulateMoments } from './accumulateMoments.js';
import { surveyColumns } from './surveyColumns.js';

/** Options of {@link momentsFromSurvey}. */
export interface MomentsFromSurveyOptions {
  /** Item names to accumulate, in this order. Default: all of the survey's items. */
  items?: readonly string[];
  /**
   * Missing-value rule the moments are for. 'casewise' accumulates only the rows complete on `items` (complete
   * form); 'mean' and 'pairwise' accumulate every row (pairwise-complete form). Default `DEFAULT_MISSING` ('mean').
   */
  missing?: MissingRule;
  /** Use the survey's sampling weights (`survey.weights`), or these weights. Default true when the survey has weights. */
  weights?: boolean | Float64Array;
  /** Row multiplicities (a bootstrap resample). Default none. */
  counts?: Float64Array | Uint32Array | null;
  /** Only these rows (0-based). Default all. */
  rows?: Int32Array;
}

/**
 * The {@link Moments} of a survey's items: {@link accumulateMoments} over the named columns ({@link surveyColumns}), with the survey's
 * sampling weights unless `weights: false`. Weights whose largest value lies outside [2^-256, 2^256] (about 1e±77) are first
 * multiplied by a power of two that brings it into [0.5, 1) ({@link rescaledWeights}): exact, and results are
 * scale-free, but Σw w² or w·x² no longer overflow (1e200) or underflow (1e-200). Ordinary weights are used as given.
 *
 * @example
 * const mo = momentsFromSurvey(survey, { items: ['CUSA1', 'CUSA2'], missing: 'mean' });
 * mo.n // survey.n
 */
export function momentsFromSurvey(survey: Survey, options: MomentsFromSurveyOptions = {}): Moments {
  const names = options.items ? [...options.items] : [...survey.itemNames];
  const columns = surveyColumns(survey, names);
  let weights: Float64Array | null = null;
  if (options.weights instanceof Float64Array) weights = options.weights;
  else if (options.weights !== false) weights = survey.weights;
  return accumulateMoments(columns, {
    names,
    weights: weights ? rescaledWeights(weights) : null,
    counts: options.counts ?? null,
    ...(options.rows ? { rows: options.rows } : {}),
    ...(options.missing ? { missing: options.missing } : {}),
  });
}

const scaledCache = new WeakMap<Float64Array, Float64Array>();

/**
 * `weights` times 2^−e when their largest finite value is outside [2^-256, 2^256] (e its binary exponent, so the
 * largest becomes a number in [0.5, 1)); otherwise `weights` itself. Multiplying by a power of two is exact, so
 * every ratio the estimator forms is unchanged. Invalid weights (negative, NaN, ∞) are left for the accumulator to
 * report with their row.
 *
 * @example
 * rescaledWeights(new Float64Array([1e200, 1e200]))[0] // ≈ 0.597 (1e200 × 2^-665)
 * rescaledWeights(new Float64Array([1, 3]))[1] // 3 (unchanged)
 */
export function rescaledWeights(weights: Float64Array): Float64Array {
  const hit = scaledCache.get(weights);
  if (hit) return hit;
  let max = 0;
  for (let r = 0; r < weights.length; r++) {
    const w = weights[r];
    if (w > max) max = w;
  }
  if (!(max > 0) || max === Infinity || (max >= 2 ** -256 && max <= 2 ** 256)) return weights;
  const e = Math.floor(Math.log2(max)) + 1;
  // 2^-e in two steps, so neither factor overflows or underflows for e near ±1024.
  const half = Math.trunc(e / 2);
  const f1 = 2 ** -half;
  const f2 = 2 ** -(e - half);
  const out = new Float64Array(weights.length);
  for (let r = 0; r < weights.length; r++) out[r] = weights[r] * f1 * f2;
  scaledCache.set(weights, out);
  return out;
}
