import { CsiError, type CsiWarning } from '../errors.js';
import type { Moments } from '../stats/index.js';
import type { Estimate, PairwiseDifference, SegmentBreakdown, SegmentLevel } from './types.js';
import { adjustPValues, type AdjustMethod } from './adjust.js';
import { orderLevels } from './levelOrder.js';
import { welchTest } from './welch.js';
import { levelMoments, type GroupedMoments } from './groupedSource.js';

/** The per-group estimator a breakdown applies to every level: moments in, estimates by measure out. */
export type GroupEstimator = (moments: Moments) => Record<string, Estimate>;

/** Options of {@link segmentBreakdown}. */
export interface SegmentBreakdownOptions {
  /** The codebook's level order for the column (else natural sort). */
  levels?: readonly string[] | null;
  /** p-value adjustment within one construct's pairs of this column. Default 'holm'. */
  adjust?: AdjustMethod;
  /** Levels below this n get a warning (never dropped). Default 30. */
  minN?: number;
  /** Whole-sample estimates for `diffFromAll` (default: the estimator on the total moments). */
  overall?: Record<string, Estimate>;
}

/**
 * One segment column's breakdown (issue 14; methodology.md §8.7, §9): for each level, n, Σw and every measure's
 * estimate from `estimator` (pooled weights: the estimator applies the whole sample's index weights), with
 * `diffFromAll` = level mean − whole-sample mean; pairwise Welch differences between levels, diff = mean(a) − mean(b)
 * with a before b in level order, p adjusted by Holm (default) or BH within one construct's pairs. A level below
 * `minN` respondents gets a TOO_FEW_ROWS warning; rows with no level a ROWS_EXCLUDED warning. A level with a single
 * respondent is refused (CsiError TOO_FEW_ROWS naming the column and level).
 *
 * @example
 * const { breakdown, warnings } = segmentBreakdown(grouped, 'region', (m) => indicesFromMoments(m));
 * breakdown.levels.North.indices.Satisfaction.diffFromAll
 */
export function segmentBreakdown(
  grouped: GroupedMoments,
  column: string,
  estimator: GroupEstimator,
  options: SegmentBreakdownOptions = {},
): { breakdown: SegmentBreakdown; warnings: CsiWarning[] } {
  const adjust = options.adjust ?? 'holm';
  const minN = options.minN ?? 30;
  const warnings: CsiWarning[] = [];
  const { levels: raw, total } = levelMoments(grouped, column);
  const present = raw.filter((l): l is { level: string; moments: Moments } => l.level !== null && l.moments.n > 0);
  const missing = raw.filter((l) => l.level === null).reduce((a, l) => a + l.moments.n, 0);
  if (missing > 0) warnings.push({ code: 'ROWS_EXCLUDED', message: `${missing} respondents have no value in ${column} and are in no level (they count in the whole sample).`, column, count: missing });
  for (const l of present) {
    if (l.moments.n < 2) throw new CsiError('TOO_FEW_ROWS', `Level "${l.level}" of segment column ${column} has only one respondent; merge it with another level or drop it.`, { column });
    if (l.moments.n < minN) warnings.push({ code: 'TOO_FEW_ROWS', message: `Level "${l.level}" of ${column} has ${l.moments.n} respondents, below the minimum of ${minN}: its estimates are shown but unreliable.`, column, count: l.moments.n });
  }
  const { order } = orderLevels(present.map((l) => l.level), options.levels);
  const overall = options.overall ?? (total ? estimator(total) : {});
  const byLevel = new Map(present.map((l) => [l.level, l.moments]));
  const levels: Record<string, SegmentLevel> = {};
  const estimates: Record<string, Record<string, Estimate>> = {};
  for (const level of order) {
    const m = byLevel.get(level) as Moments;
    const est = estimator(m);
    estimates[level] = est;
    const indices: SegmentLevel['indices'] = {};
    for (const [c, e] of Object.entries(est)) {
      const all = overall[c]?.mean ?? null;
      indices[c] = { ...e, diffFromAll: e.mean !== null && all !== null ? e.mean - all : null };
    }
    levels[level] = { n: m.n, sumWeights: m.sw, indices };
  }
  const constructs = [...new Set(order.flatMap((l) => Object.keys(estimates[l])))];
  const pairwise: PairwiseDifference[] = [];
  for (const c of constructs) {
    const family: PairwiseDifference[] = [];
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const ea = estimates[order[i]][c];
        const eb = estimates[order[j]][c];
        if (!ea || !eb || ea.mean === null || eb.mean === null) continue;
        const w = welchTest({ mean: ea.mean, n: ea.n, sd: ea.sd, se: ea.se }, { mean: eb.mean, n: eb.n, sd: eb.sd, se: eb.se });
        family.push({ construct: c, a: order[i], b: order[j], diff: w.diff, t: w.t, df: w.df, p: w.p, pAdjusted: null });
      }
    }
    adjustPValues(family.map((f) => f.p), adjust).forEach((p, k) => (family[k].pAdjusted = p));
    pairwise.push(...family);
  }
  return { breakdown: { order, levels, pairwise, adjust }, warnings };
}
