import type { Codebook, Survey } from '../data/index.js';
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
  type GroupedMoments,
} from '../segments/index.js';
import { scorecard, waveResult, type WaveEstimates } from '../tracking/index.js';
import { ownWaveIndices } from './ownWaveIndices.js';
import { kpiSectionBySegment, type KpiSectionIndex, type KpiSectionSpec } from './kpiSection.js';
import { canonicalKpiTargets, kpiChangeFor, kpiMeasureEstimates } from './kpiMeasures.js';
import type { KpiResult } from '../kpi/index.js';
import type { StudySpec } from './spec.js';
import type { Estimate, GapResult, SegmentBreakdown, Study } from './types.js';

/** What {@link addTracking} needs from the study run. */
export interface TrackingContext {
  survey?: Survey;
  /** Engine path: moments grouped by every segment and wave column (one GROUP BY query), when there are no rows. */
  grouped?: GroupedMoments;
  /** The codebook (level order of segment and wave columns) when there is no survey. */
  codebook?: Codebook;
  model: ModelSpec;
  ci: ConstructIndices;
  missing: MissingRule;
  options: EstimateOptions;
  /**
   * The study's KPI and gap request and the index figures gaps need (issue 15): with rows, every segment level and
   * wave gets its own `kpis` and `gaps`, KPI wave changes and trends, and `kpi:*` targets.
   */
  kpi?: { spec: KpiSectionSpec; index: KpiSectionIndex };
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


/** Levels of an engine's GROUP BY column beyond which it is refused as a segment or wave column (a numeric id, …). */
const MAX_LEVELS = 30;

/**
 * Adds `segments`, `waves` and `scorecard` to a study (issue 14) from the survey's rows or, on the engine path, from
 * one GROUP BY moments query (`ctx.grouped`): the model is estimated once on the whole file (mean replacement over the
 * whole file) and its index forms are applied in every level and wave; `segmentEstimate` re-estimates per level on the
 * level's own rows (rows only), `permutations` tests each path difference; own-wave indices re-estimate the model on
 * each wave's moments. Returns the warnings (small levels, rows without a level, waves that could not be estimated).
 */
export function addTracking(study: Study, spec: StudySpec, ctx: TrackingContext): CsiWarning[] {
  const warnings: CsiWarning[] = [];
  const wants = (spec.segments?.length ?? 0) > 0 || spec.waves !== undefined || spec.targets !== undefined;
  if (!wants) return warnings;
  const { survey, ci, missing } = ctx;
  const estimator = pooledIndexEstimator(ci, missing);
  const items = ci.itemMoments.items;
  const codebook = ctx.codebook ?? survey?.codebook;
  const cbLevels = (column: string): string[] | null => codebook?.segments?.find((s) => s.id === column)?.levels?.map((l) => l.value) ?? null;
  /** Grouped moments by one column (raw: the estimator applies the whole-file mean replacement), and its rows when in memory. */
  const groupedBy = (column: string): { grouped: GroupedMoments; rows: Map<string, Int32Array> | null } => {
    if (survey) {
      const seg = segmentColumn(survey, column);
      return { grouped: groupedMomentsBySegment(survey, seg, { items, missing }), rows: levelRows(seg) };
    }
    if (!ctx.grouped || !ctx.grouped.by.includes(column)) throw new CsiError('NEEDS_ROWS', `The breakdown by ${column} needs the survey's rows or moments grouped by ${column}.`, { column });
    const grouped = { by: [column], groups: levelMoments(ctx.grouped, column).levels.map((l) => ({ key: [l.level], moments: l.moments })) };
    const isSegment = codebook?.segments?.some((s) => s.id === column) ?? false;
    if (!isSegment && grouped.groups.length > MAX_LEVELS) {
      throw new CsiError('INVALID_OPTION', `Column ${column} has ${grouped.groups.length} distinct values; a segment or wave column needs at most ${MAX_LEVELS} levels.`, { column });
    }
    return { grouped, rows: null };
  };
  for (const column of spec.segments ?? []) {
    const { grouped, rows } = groupedBy(column);
    const r = segmentBreakdown(grouped, column, estimator, {
      levels: cbLevels(column),
      adjust: spec.adjust ?? 'holm',
      minN: spec.minN ?? 30,
      ...(study.indices ? { overall: study.indices } : {}),
    });
    warnings.push(...r.warnings);
    const b: SegmentBreakdown = r.breakdown;
    if (spec.segmentEstimate) {
      if (!survey || !rows) throw new CsiError('NEEDS_ROWS', 'Re-estimation per level (--segment-estimate) needs the survey\'s rows: not available with --engine.', { column });
      const fit = plsLevelFit(survey, ctx.model, { ...ctx.options, missing });
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
    if (survey && ctx.kpi) mergeLevels(b.levels, kpiSectionBySegment(survey, ctx.kpi.spec, ctx.kpi.index, column));
    study.segments ??= {};
    study.segments[column] = b;
  }
  let waveList: WaveEstimates[] | null = null;
  if (spec.waves) {
    const column = spec.waves.column;
    const { grouped } = groupedBy(column);
    const { levels: lm } = levelMoments(grouped, column);
    const byLevel = new Map(lm.filter((l) => l.level !== null && l.moments.n > 0).map((l) => [l.level as string, l.moments]));
    const { order, source: orderSource } = orderLevels([...byLevel.keys()], cbLevels(column));
    const base = spec.waves.base ?? null;
    if (base !== null && !byLevel.has(base)) throw new CsiError('INVALID_OPTION', `The base wave "${base}" is not a level of ${column} (waves: ${order.join(', ')}).`, { column });
    const levels: Record<string, { n: number; indices: Record<string, Estimate> }> = {};
    for (const w of order) {
      const m = byLevel.get(w)!;
      if (m.n < 2) throw new CsiError('TOO_FEW_ROWS', `Wave "${w}" of ${column} has only one respondent.`, { column });
      if (m.n < (spec.minN ?? 30)) warnings.push({ code: 'TOO_FEW_ROWS', message: `Wave "${w}" of ${column} has ${m.n} respondents, below the minimum of ${spec.minN ?? 30}.`, column, count: m.n });
      levels[w] = { n: m.n, indices: estimator(m) };
    }
    const perWave = survey && ctx.kpi ? kpiSectionBySegment(survey, ctx.kpi.spec, ctx.kpi.index, column) : {};
    const source = new WeakMap<Estimate, KpiResult>();
    const measures = Object.fromEntries(order.map((w) => [w, kpiMeasureEstimates(perWave[w]?.kpis, source)]));
    study.waves = waveResult({ column, order, orderSource, base, levels, measures, changeFor: kpiChangeFor(source) });
    mergeLevels(study.waves.levels, perWave);
    if (study.indexScales && order.length >= 2) {
      const own = ownWaveIndices(ctx.model, byLevel, order, {
        scales: study.indexScales,
        missing,
        options: ctx.options,
        ...(spec.indexWeights ? { weights: spec.indexWeights } : {}),
        column,
      });
      study.waves.own = own.own;
      warnings.push(...own.warnings);
    }
    waveList = order.map((w) => ({ wave: w, estimates: { ...levels[w].indices, ...measures[w] } }));
  }
  if (spec.targets) {
    const overall = { ...(study.indices ?? {}), ...kpiMeasureEstimates(study.kpis) };
    study.scorecard = scorecard(canonicalKpiTargets(spec.targets, study.kpis), overall, waveList);
  }
  return warnings;
}

/** Puts each level's `kpis` and `gaps` (when there are any) into the level of the same name. */
function mergeLevels(levels: Record<string, { kpis?: Record<string, KpiResult>; gaps?: GapResult[] }>, parts: Record<string, { kpis?: Record<string, KpiResult>; gaps?: GapResult[] }>): void {
  for (const [l, part] of Object.entries(parts)) {
    const level = levels[l];
    if (!level) continue;
    if (part.kpis && Object.keys(part.kpis).length > 0) level.kpis = part.kpis;
    if (part.gaps && part.gaps.length > 0) level.gaps = part.gaps;
  }
}
