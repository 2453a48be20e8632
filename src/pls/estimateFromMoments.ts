import { CsiError, type CsiWarning } from '../errors.js';
import type { ModelSpec } from '../model/index.js';
import { correlationInto, type Moments } from '../stats/index.js';
import { resolveSettings } from './settings.js';
import { buildResult, resultLayout } from './buildResult.js';
import { preparedModel, type PreparedModel } from './prepared.js';
import { recordMaker } from './recordMaker.js';
import { estimateCore } from './fitStages.js';
import type { EstimateOptions, ItemSummary, MissingReport, PlsResult } from './types.js';

/**
 * Estimates a PLS path model from {@link Moments} alone — the one estimator: `estimate` (rows in memory) and
 * engine adapters (DuckDB, ClickHouse) both end here. Exactly seminr 2.3.1's algorithm (methodology §8.1–8.2) on
 * the item correlation matrix (see {@link fitPls}); higher-order constructs by the disjoint two-stage approach
 * (§8.10), where the stage-1 dimension scores' correlations with every item and each other follow from S and the
 * stage-1 weights (scores are linear in the standardized items), so no second pass over rows is needed.
 *
 * Options (defaults): scheme 'path', missing 'mean', maxIterations 300, tolerance 1e-7, consistent false, scores false,
 * fSquared false, quality true.
 * Missing rules need the right moments: 'casewise' the moments of complete rows; 'mean' and 'pairwise' the
 * pairwise-complete form. Scores need rows: asking for them here adds a NEEDS_ROWS warning.
 * Warnings: NOT_CONVERGED, TOO_FEW_ROWS (fewer rows than items), NEEDS_ROWS; quality warnings come in `quality`.
 * Errors (CsiError): the model's validation errors, ZERO_VARIANCE, SINGULAR (collinear mode-B items or
 * predictors, naming the construct), NEEDS_ROWS, INVALID_OPTION.
 *
 * @example
 * const mo = momentsFromSurvey(survey, { items: survey.itemNames });
 * const res = estimateFromMoments(mo, parseModel(modelText), { scheme: 'path' });
 * res.paths; res.rSquared.Satisfaction.r2; res.quality
 */
export function estimateFromMoments(moments: Moments, model: ModelSpec, options: EstimateOptions = {}): PlsResult {
  return estimateWithCore(moments, model, options).result;
}

/** {@link estimateFromMoments} plus what scoring rows needs: the items, their means/SDs and every construct's weights on them. */
export interface EstimateWithCore {
  result: PlsResult;
  /** Items G the correlation matrix is over. */
  items: string[];
  means: Float64Array;
  sds: Float64Array;
  /** Every construct of `result.constructs` as weights on the standardized items G (|G| × m, row-major). */
  V: Float64Array;
}

/**
 * {@link estimateFromMoments} keeping the score weights (used by `estimate` for scores; not part of the package's
 * public API, exported from pls/index.ts for the survey entry point one floor up).
 *
 * @example
 * const { result, V, means, sds } = estimateWithCore(moments, model);
 */
export function estimateWithCore(moments: Moments, model: ModelSpec, options: EstimateOptions = {}): EstimateWithCore {
  const settings = resolveSettings(options, moments.weighted, model);
  // Validation, stage structures, plans and names: once per model and item list (see preparedModel).
  const prep = preparedModel(model, moments.items);
  const warnings: CsiWarning[] = [];
  if (settings.scores) {
    warnings.push({ code: 'NEEDS_ROWS', message: 'Construct scores need the rows; estimating from moments returns none (use estimate() on a survey).' });
  }
  const { items, idx } = prep;
  const g = items.length;
  // The correlations of items G, read from the moments where G sits (= correlationFromMoments(selectMoments(…))).
  const r = new Float64Array(g * g);
  const means = new Float64Array(g);
  const sds = new Float64Array(g);
  const corrN = correlationInto(moments, idx, settings.missing, r, means, sds, prep.scratch);
  const { n, weighted, sw, sww, nObs } = moments;
  let complete = moments.complete;
  if (idx && !complete) {
    complete = true;
    for (let i = 0; i < g; i++) if (nObs[idx[i]] !== n) complete = false;
  }
  const rows = settings.missing === 'pairwise' && !weighted && !complete ? corrN : n;
  if (rows < g) {
    warnings.push({
      code: 'TOO_FEW_ROWS',
      message: `Only ${rows} rows for ${g} items: the item correlation matrix is singular; results may be unstable.`,
      count: rows,
    });
  }
  if (weighted && sw < n) {
    warnings.push({
      code: 'INVALID_WEIGHT',
      message: `The sampling weights sum to ${sw} over ${n} rows. Weights are read as frequency weights: weights, loadings, paths and R² do not depend on their scale, but adjusted R² takes Σw as the sample size. Rescale them to sum to the number of rows if they are probability weights.`,
    });
  }
  const low = lowEffectiveN(moments);
  if (low) warnings.push(low);
  const core = estimateCore(r, items, corrN, model, settings, prep.plans);
  let missingCells = 0;
  for (let i = 0; i < g; i++) missingCells += n - nObs[idx ? idx[i] : i];
  const missing: MissingReport = {
    rule: settings.missing,
    rowsUsed: n,
    missingCells,
    cellsReplaced: settings.missing === 'mean' ? missingCells : 0,
    rowsDeleted: 0,
    minPairwiseN: settings.missing === 'pairwise' ? corrN : null,
  };
  const summaries = itemSummaries(prep, means, sds, settings.missing === 'pairwise' ? nObs : null, n, options.scales);
  prep.layout ??= resultLayout(core, model);
  const result = buildResult(core, { settings, n, sumWeights: sw, missing, items: summaries, warnings, model }, prep.layout);
  return { result, items: items.slice(), means, sds, V: core.V };
}

/** Each item's mean, SD, n (observed: per moments item, read at the item's position) and declared scale, in item order. */
function itemSummaries(
  prep: PreparedModel,
  means: Float64Array,
  sds: Float64Array,
  observed: readonly number[] | null,
  rows: number,
  scales: EstimateOptions['scales'],
): Record<string, ItemSummary> {
  const { items, idx } = prep;
  const values: ItemSummary[] = [];
  for (let k = 0; k < items.length; k++) {
    const sc = scales?.[items[k]];
    values.push({ mean: means[k], sd: sds[k], n: observed ? observed[idx ? idx[k] : k] : rows, scale: sc ? [sc[0], sc[1]] : null });
  }
  prep.itemTable ??= recordMaker(items);
  return prep.itemTable(values);
}

/**
 * LOW_EFFECTIVE_N when Kish's effective sample size of the weights, n_eff = (Σw)² / Σw², is below a tenth of the
 * rows: a few respondents carry the estimate. Adjusted R² keeps the frequency-weight convention (Σw is the n), which
 * the warning states, so a dominant weight cannot pass unnoticed.
 *
 * @example
 * lowEffectiveN({ weighted: true, n: 250, sw: 1e12 + 249, sww: 1e24 + 249 }) // { code: 'LOW_EFFECTIVE_N', ... n_eff ≈ 1.0 }
 */
export function lowEffectiveN(mo: { weighted: boolean; n: number; sw: number; sww: number }): CsiWarning | undefined {
  if (!mo.weighted || !(mo.sww > 0) || !Number.isFinite(mo.sww)) return undefined;
  const neff = (mo.sw * mo.sw) / mo.sww;
  if (!(neff < mo.n / 10)) return undefined;
  const shown = neff < 10 ? neff.toFixed(1) : String(Math.round(neff));
  return {
    code: 'LOW_EFFECTIVE_N',
    message: `Kish's effective sample size of the weights is ${shown} of ${mo.n} rows ((Σw)² / Σw²): a few weights dominate, so the estimates rest on about ${shown} respondents and their precision is overstated. Adjusted R² reads the weights as frequency weights and takes Σw = ${mo.sw.toPrecision(6)} as n. Check the weight column (e.g. trim extreme weights).`,
    count: Math.round(neff),
  };
}
