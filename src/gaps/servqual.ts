import type { Survey } from '../data/index.js';
import { CsiError } from '../errors.js';
import type { GapResult } from './types.js';
import { type GapPair, type SurveyGapOptions } from './constructGaps.js';
import { importanceWeightedGap } from './itemGaps.js';

/**
 * SERVQUAL's five dimensions (RATER) as 1-based positions of the 22 items (Parasuraman, Zeithaml & Berry 1988;
 * methodology.md §5): Tangibles 1-4, Reliability 5-9, Responsiveness 10-13, Assurance 14-17, Empathy 18-22.
 */
export const SERVQUAL_DIMENSIONS: Readonly<Record<string, readonly number[]>> = {
  Tangibles: [1, 2, 3, 4],
  Reliability: [5, 6, 7, 8, 9],
  Responsiveness: [10, 11, 12, 13],
  Assurance: [14, 15, 16, 17],
  Empathy: [18, 19, 20, 21, 22],
};

/**
 * SERVQUAL gaps from its 22 item pairs in questionnaire order (methodology.md §5): each dimension gap is the mean of
 * its item gaps per respondent (G_id = mean_k G_ik), then over respondents; `SERVQUAL` is the unweighted
 * SQ = (1/5)Σ_d Ḡ_d, or SQ_w = Σ ω_d Ḡ_d when `dimensionWeights` (e.g. the 100 points allocated, normalized) are
 * given. All on the items' 0-100 scales, with exact SE via {@link importanceWeightedGap}.
 * Errors: INVALID_OPTION unless exactly 22 pairs are given.
 *
 * @example
 * servqualGaps(survey, pairs22).Reliability.mean
 */
export function servqualGaps(survey: Survey, pairs: readonly GapPair[], options: SurveyGapOptions & { dimensionWeights?: Record<string, number> } = {}): Record<string, GapResult> {
  if (pairs.length !== 22) throw new CsiError('INVALID_OPTION', `SERVQUAL needs its 22 item pairs in questionnaire order (got ${pairs.length}).`);
  const out: Record<string, GapResult> = {};
  const overall: Record<string, number> = {};
  for (const [dim, positions] of Object.entries(SERVQUAL_DIMENSIONS)) {
    const items = positions.map((k) => pairs[k - 1]);
    const omega = options.dimensionWeights ? (options.dimensionWeights[dim] ?? 0) : 1;
    const imp: Record<string, number> = {};
    for (const pr of items) {
      imp[pr.perceived] = 1;
      // per-respondent SQ: each dimension weighs ω_d, spread equally over its items
      overall[pr.perceived] = (overall[pr.perceived] ?? 0) + omega / items.length;
    }
    out[dim] = importanceWeightedGap(survey, items, imp, { ...options, name: dim });
  }
  out.SERVQUAL = importanceWeightedGap(survey, pairs, overall, { ...options, name: 'SERVQUAL' });
  return out;
}
