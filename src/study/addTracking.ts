import type { Survey } from '../data/index.js';
import { CsiError, type CsiWarning } from '../errors.js';
import { indexEstimate, itemMoments, type ConstructIndices } from '../indices/index.js';
import type { ModelSpec } from '../model/index.js';
import type { EstimateOptions, MissingRule } from '../pls/index.js';
import {
  groupedMomentsBySegment,
  levelMoments,
  levelRows,
  meanReplacedMoments,
  orderLevels,
  permutationPathTest,
  plsLevelFit,
  reestimateLevels,
  segmentBreakdown,
  segmentColumn,
  type GroupEstimator,
} from '../segments/index.js';
import { scorecard, waveResult, type WaveEstimates } from '../tracking/index.js';
import { ownWaveIndices } from './ownWaveIndices.js';
import type { StudySpec } from './spec.js';
import type { Estimate, SegmentBreakdown, Study } from './types.js';

/** What {@link addTracking} needs from the study run. */
export interface TrackingContext {
  survey?: Survey;
  model: ModelSpec;
  ci: ConstructIndices;
  missing: MissingRule;
  options: EstimateOptions;
}

/**
 * The pooled-weight estimator of every construct index on a group's moments: the whole sample's linear index forms
 * (its index weights) applied to the group's item moments (docs/tracking.md §2.4; methodology §8.7: pooled weights).
 * With mean replacement, the group's missing values are replaced by the whole file's means first
 * ({@link meanReplacedMoments}), so a level's index is the mean of its respondents' whole-file index scores.
 */
export function pooledIndexEstimator(ci: ConstructIndices, missing: MissingRule): GroupEstimator {
  const items = ci.itemMoments.items;
  const fileMean = new Map(items.map((k, j) => [k, ci.itemMoments.means[j]] as const));
  return (m) => {
    const mo = missing === 'mean' ? meanReplacedMoments(m, m.items.map((k) => fileMean.get(k) ?? 0)) : m;
    const im = itemMoments(mo, items, missing);
    const out: Record<string, Estimate> = {};
    for (const [c, f] of Object.entries(ci.forms)) out[c] = indexEstimate(f, im);
    return out;
  };
}

function codebookLevels(survey: Survey, column: string): string[] | null {
  return survey.codebook.segments?.find((s) => s.id === column)?.levels?.map((l) => l.value) ?? null;
}

/**
 * Adds `segments`, `waves` and `scorecard` to a study (issue 14) from the survey's rows: the model is estimated once on
 * the whole file (mean replacement over the whole file) and its index forms are applied in every level and wave;
 * `segmentEstimate` re-estimates per level on the level's own rows, `permutations` tests each path difference.
 * Returns the warnings (small levels, rows without a level).
 */
export function addTracking(study: Study, spec: StudySpec, ctx: TrackingContext): CsiWarning[] {
  const warnings: CsiWarning[] = [];
  const wants = (spec.segments?.length ?? 0) > 0 || spec.waves !== undefined || spec.targets !== undefined;
  if (!wants) return warnings;
  const { survey, ci, missing } = ctx;
  const estimator = pooledIndexEstimator(ci, missing);
  const items = ci.itemMoments.items;
  const needRows = (what: string): Survey => {
    if (!survey) throw new CsiError('NEEDS_ROWS', `${what} needs the survey's rows (not available from moments alone).`);
    return survey;
  };
  for (const column of spec.segments ?? []) {
    const s = needRows(`The breakdown by ${column}`);
    const seg = segmentColumn(s, column);
    const grouped = groupedMomentsBySegment(s, seg, { items, missing });
    const r = segmentBreakdown(grouped, column, estimator, {
      levels: codebookLevels(s, column),
      adjust: spec.adjust ?? 'holm',
      minN: spec.minN ?? 30,
      ...(study.indices ? { overall: study.indices } : {}),
    });
    warnings.push(...r.warnings);
    const b: SegmentBreakdown = r.breakdown;
    if (spec.segmentEstimate) {
      const fit = plsLevelFit(survey as Survey, ctx.model, { ...ctx.options, missing });
      const rows = levelRows(seg);
      b.reestimated = reestimateLevels(rows, fit, b.order);
      if (spec.permutations) {
        b.permutation = [];
        for (let i = 0; i < b.order.length; i++) {
          for (let j = i + 1; j < b.order.length; j++) {
            const [a, c] = [b.order[i], b.order[j]];
            b.permutation.push(...permutationPathTest(rows.get(a)!, rows.get(c)!, fit, { a, b: c, permutations: spec.permutations, seed: spec.seed ?? 0 }));
          }
        }
      }
    }
    study.segments ??= {};
    study.segments[column] = b;
  }
  let waveList: WaveEstimates[] | null = null;
  if (spec.waves) {
    const column = spec.waves.column;
    const s = needRows(`The wave comparison by ${column}`);
    const seg = segmentColumn(s, column);
    const grouped = groupedMomentsBySegment(s, seg, { items, missing });
    const { levels: lm } = levelMoments(grouped, column);
    const byLevel = new Map(lm.filter((l) => l.level !== null).map((l) => [l.level as string, l.moments]));
    const { order, source: orderSource } = orderLevels([...byLevel.keys()], codebookLevels(s, column));
    const base = spec.waves.base ?? null;
    if (base !== null && !byLevel.has(base)) throw new CsiError('INVALID_OPTION', `The base wave "${base}" is not a level of ${column} (waves: ${order.join(', ')}).`, { column });
    const levels: Record<string, { n: number; indices: Record<string, Estimate> }> = {};
    for (const w of order) {
      const m = byLevel.get(w)!;
      if (m.n < 2) throw new CsiError('TOO_FEW_ROWS', `Wave "${w}" of ${column} has only one respondent.`, { column });
      if (m.n < (spec.minN ?? 30)) warnings.push({ code: 'TOO_FEW_ROWS', message: `Wave "${w}" of ${column} has ${m.n} respondents, below the minimum of ${spec.minN ?? 30}.`, column, count: m.n });
      levels[w] = { n: m.n, indices: estimator(m) };
    }
    study.waves = waveResult({ column, order, orderSource, base, levels });
    if (survey && study.indexScales && order.length >= 2) {
      const own = ownWaveIndices(survey, ctx.model, levelRows(seg), order, {
        scales: study.indexScales,
        missing,
        options: ctx.options,
        ...(spec.indexWeights ? { weights: spec.indexWeights } : {}),
        column,
      });
      study.waves.own = own.own;
      warnings.push(...own.warnings);
    }
    waveList = order.map((w) => ({ wave: w, estimates: levels[w].indices }));
  }
  if (spec.targets) study.scorecard = scorecard(spec.targets, study.indices ?? {}, waveList);
  return warnings;
}
