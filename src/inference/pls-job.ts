import type { CsiWarning } from '../errors.js';
import type { Survey } from '../data/index.js';
import type { ModelSpec } from '../model/index.js';
import { estimateFromMoments, leanEstimator, type EstimateOptions, type PlsFit, type PlsResult } from '../pls/index.js';
import { accumulateMoments, subtractMoments, rescaledWeights, surveyColumns, type Moments } from '../stats/index.js';
import { packRows, resampleMoments } from './resample-moments.js';
import { dropFromError, type DropInfo, type ResampleEvaluator } from './engine.js';
import { statisticReader } from './statistic-reader.js';
import { readNamedStatistics, statisticLayout, type StatisticLayout, type StatisticSpec } from './statistics.js';
import type { BootstrapOptions } from './types.js';

/** Everything a PLS bootstrap needs, built once per thread: the evaluator, the statistic layout, the full-data fit. */
export interface PlsJob {
  evaluator: ResampleEvaluator;
  specs: StatisticSpec[];
  original: Float64Array;
  originalResult: PlsResult;
  /** 1 for statistics under individual sign correction (weights, loadings, paths, total effects). */
  signed: Uint8Array;
  /** True when resamples use the lean estimator (first-order model, no PLSc, no extra statistics). */
  lean: boolean;
}

/** Warning codes of a resample's fit that make it unusable (as seminr drops a resample on any R warning). */
export const FATAL_WARNINGS: ReadonlySet<string> = new Set(['NOT_CONVERGED', 'INADMISSIBLE', 'SINGULAR', 'ZERO_VARIANCE']);

/** The first warning of a resample's fit that makes it unusable ({@link FATAL_WARNINGS}), if any. */
function fatalWarning(warnings: readonly CsiWarning[], dropNonConverged: boolean): CsiWarning | undefined {
  for (let i = 0; i < warnings.length; i++) {
    const w = warnings[i];
    if (FATAL_WARNINGS.has(w.code) && (w.code !== 'NOT_CONVERGED' || dropNonConverged)) return w;
  }
  return undefined;
}

/** Items of the model's first-order constructs, in model order, each once. */
function modelItems(model: ModelSpec): string[] {
  const seen = new Set<string>();
  for (const c of model.constructs) for (const item of c.items ?? []) seen.add(item);
  return [...seen];
}

/**
 * Build the PLS bootstrap job: the survey's model-item columns, the full-data estimate (errors here are fatal and
 * thrown), the statistic layout, and an evaluator that turns a resample's row counts into one weighted moments
 * pass and one estimation. Resample fits that throw, do not converge (unless `dropNonConverged: false`) or carry
 * an inadmissible/singular warning are dropped with that reason.
 *
 * @example
 * const job = createPlsJob(survey, model, { estimateOptions: { scheme: 'path' } });
 * job.specs.length === job.original.length // true
 */
export function createPlsJob<R = PlsResult>(survey: Survey, model: ModelSpec, options: BootstrapOptions<R>): PlsJob {
  const est: EstimateOptions = options.estimateOptions ?? {};
  let lean = options.extraStatistics || options.lean === false ? null : leanEstimator(model, est);
  const names = lean ? lean.items : modelItems(model);
  const columns = surveyColumns(survey, names);
  let weights: Float64Array | null = survey.weights;
  if (est.weights instanceof Float64Array) weights = est.weights;
  else if (est.weights === false) weights = null;
  if (weights) weights = rescaledWeights(weights); // as the full-data estimate does (1e±200 weights)
  const estOptions: EstimateOptions = { ...est, scores: false };
  const packed = packRows(names, columns, weights);
  const moments = (counts: Uint32Array | null, rows?: Int32Array): Moments =>
    packed && !rows
      ? resampleMoments(packed, counts)
      : accumulateMoments(columns, { names, weights, counts, ...(est.missing ? { missing: est.missing } : {}), ...(rows ? { rows } : {}) });

  const full = moments(null);
  let reused: Moments | null = null;
  const originalResult = estimateFromMoments(full, model, estOptions);
  const fit0 = originalResult.fit;
  const layout: StatisticLayout = statisticLayout(originalResult, { htmt: options.htmt });
  // The lean form reads the statistics straight from the p × p fit; it needs the direct layout (no statistic that
  // only the named result holds). It is the estimator's own lean form (pls/leanEstimator): same settings, same calls.
  if (!layout.direct) lean = null;
  // the lean form's statistics: read by position, prepared once
  const reader = lean ? statisticReader(layout, fit0) : null;
  const extraFn = options.extraStatistics as ((r: PlsResult) => Record<string, number>) | undefined;
  const extraKeys = extraFn ? Object.keys(extraFn(originalResult)) : [];
  const specs: StatisticSpec[] = [...layout.specs, ...extraKeys.map((key) => ({ group: 'extra' as const, name: key }))];
  const kBase = layout.specs.length;
  const k = specs.length;
  const dropNonConverged = options.dropNonConverged !== false;

  const fill = (fit: PlsFit, res: PlsResult | null, out: Float64Array): DropInfo | null => {
    if (!fit.converged && dropNonConverged) {
      return { reason: 'NOT_CONVERGED', message: `the PLS iteration did not converge in ${fit.iterations} iterations` };
    }
    const bad = fatalWarning(fit.warnings, dropNonConverged) ?? (res ? fatalWarning(res.warnings, dropNonConverged) : undefined);
    if (bad) return { reason: bad.code, message: bad.message };
    if (res) readNamedStatistics(res, layout, out);
    else reader!(fit, out);
    if (extraFn && res) {
      const extra = extraFn(res);
      for (let q = 0; q < extraKeys.length; q++) out[kBase + q] = extra[extraKeys[q]] ?? NaN;
    }
    return null;
  };
  const evaluateMoments = (mo: Moments, out: Float64Array): DropInfo | null => {
    if (lean) return fill(lean.fitShared(mo), null, out); // read before the next fit overwrites it
    const res = estimateFromMoments(mo, model, estOptions);
    return fill(res.fit, res, out);
  };

  const original = new Float64Array(k);
  if (reader) reader(fit0, original);
  else readNamedStatistics(originalResult, layout, original);
  if (extraFn) {
    const extra = extraFn(originalResult);
    extraKeys.forEach((key, q) => (original[kBase + q] = extra[key]));
  }

  const evaluator: ResampleEvaluator = {
    n: survey.n,
    k,
    names: specs.map((sp) => (sp.group === 'rSquared' ? `R² ${sp.name}` : sp.group === 'htmt' ? `HTMT ${sp.name}` : `${sp.group} ${sp.name}`)),
    evaluate(counts, out) {
      if (!packed) return evaluateMoments(moments(counts), out);
      // one Moments refilled per resample: the fit reads it and keeps nothing of it
      reused = resampleMoments(packed, counts, reused ?? undefined);
      return evaluateMoments(reused, out);
    },
    jackknife(groups) {
      const out = new Float64Array(groups * k);
      const row = new Float64Array(k);
      const n = survey.n;
      for (let g = 0; g < groups; g++) {
        const rows = new Int32Array(Math.ceil((n - g) / groups));
        for (let i = g, t = 0; i < n; i += groups) rows[t++] = i;
        let drop: DropInfo | null;
        try {
          drop = evaluateMoments(subtractMoments(full, moments(null, rows)), row);
        } catch (e) {
          drop = dropFromError(e);
        }
        if (drop) out.fill(NaN, g * k, g * k + k);
        else out.set(row, g * k);
      }
      return out;
    },
  };
  const signed = new Uint8Array(k);
  specs.forEach((s, q) => {
    if (s.group === 'outerWeights' || s.group === 'loadings' || s.group === 'paths' || s.group === 'totalEffects') signed[q] = 1;
  });
  return { evaluator, specs, original, originalResult, signed, lean: lean !== null };
}
