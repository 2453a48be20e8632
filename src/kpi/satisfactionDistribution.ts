import { CsiError } from '../errors.js';
import type { DistributionRow } from './types.js';

/** The four categories of the distribution table, top down. */
export const DISTRIBUTION_CATEGORIES = ['very satisfied', 'satisfied', 'neutral', 'needs improvement'] as const;

/**
 * Default cut points of the distribution table for a scale [min, max]: the inclusive lower bounds of "very
 * satisfied", "satisfied" and "neutral". 0-10: 9, 7, 5 (the NPS bands: 9-10, 7-8, 5-6, 0-4). Any other scale:
 * ⌈min + f·(max − min)⌉ for f = 0.8, 0.6, 0.4 on integer scales (min + f·(max − min) otherwise), which gives
 * 1-5: 5, 4, 3 (methodology.md §7.5); 1-7: 6, 5, 4; 1-10: 9, 7, 5; 0-100: 80, 60, 40.
 *
 * @example
 * defaultDistributionCuts([1, 7]) // [6, 5, 4]
 */
export function defaultDistributionCuts(scale: [number, number]): [number, number, number] {
  const [min, max] = scale;
  if (min === 0 && max === 10) return [9, 7, 5];
  const integer = Number.isInteger(min) && Number.isInteger(max) && max - min <= 20;
  const at = (f: number) => {
    const x = min + f * (max - min);
    return integer ? Math.ceil(x - 1e-9) : x;
  };
  return [at(0.8), at(0.6), at(0.4)];
}

/** Options of {@link satisfactionDistribution}. */
export interface DistributionOptions {
  /** The answer scale [min, max] (0-100 for construct indices). */
  scale: [number, number];
  /** Three inclusive lower bounds, strictly decreasing, inside the scale; default {@link defaultDistributionCuts}. */
  cuts?: readonly number[];
  /** Sampling weights: shares are weighted. */
  weights?: Float64Array | null;
  /** Name used in error messages. */
  column?: string;
}

/**
 * The satisfaction distribution table row of one item or construct (methodology.md §7.5): the (weighted) share of
 * observed answers in each category, top down: very satisfied (x ≥ c₁), satisfied (c₂ ≤ x < c₁), neutral
 * (c₃ ≤ x < c₂), needs improvement (x < c₃). Shares sum to 1 over the answers (the base, `n`, excludes no-answers).
 * Errors: INVALID_OPTION for cuts that are not three strictly decreasing numbers inside the scale.
 *
 * @example
 * satisfactionDistribution(Float64Array.of(10, 8, 6, 2), { scale: [1, 10] })
 * // { categories: ['very satisfied', ...], cuts: [9, 7, 5], shares: [0.25, 0.25, 0.25, 0.25], n: 4 }
 */
export function satisfactionDistribution(values: Float64Array, options: DistributionOptions): DistributionRow {
  const cuts = options.cuts ? [...options.cuts] : defaultDistributionCuts(options.scale);
  const [min, max] = options.scale;
  const name = options.column ?? 'value';
  if (cuts.length !== 3 || cuts.some((c) => !Number.isFinite(c) || c < min || c > max) || !(cuts[0] > cuts[1] && cuts[1] > cuts[2])) {
    throw new CsiError('INVALID_OPTION', `Distribution cuts for ${name} must be three decreasing numbers inside its scale ${min}-${max} (got ${cuts.join(', ')}).`, { column: name });
  }
  const weights = options.weights ?? null;
  const eps = 1e-9 * (max - min); // an answer equal to a cut within rounding (a 0-100 index) is in the upper category
  const sums = [0, 0, 0, 0];
  let n = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    const w = weights ? weights[i] : 1;
    n++;
    total += w;
    sums[v >= cuts[0] - eps ? 0 : v >= cuts[1] - eps ? 1 : v >= cuts[2] - eps ? 2 : 3] += w;
  }
  return {
    categories: [...DISTRIBUTION_CATEGORIES],
    cuts,
    shares: sums.map((s) => (total > 0 ? s / total : null)),
    n,
  };
}
