import type { ModelSpec } from '../model/index.js';
import { correlationInto, type Moments } from '../stats/index.js';
import { stageStructure } from './fitStages.js';
import { fitWithPlan, namesOf, type FitArrays } from './fitPls.js';
import { fitPlan, type FitPlan } from './fitPlan.js';
import { iterationKernel, type IterationKernel } from './iterationKernel.js';
import { fitOptionsOf, resolveSettings } from './settings.js';
import { stageTwoModel } from './twoStage.js';
import type { EstimateOptions, PlsFit } from './types.js';

/** The estimator's lean per-resample form: the items its moments must hold (in order) and the fit. */
export interface LeanEstimator {
  /** Items the moments must cover, in this order (the model's indicators block by block). */
  items: string[];
  /** Construct names, in the order of the fit's columns. */
  constructs: string[];
  /** Item correlations from the moments, then {@link fitPls}: the p × p core without names, effects or quality. */
  fit(moments: Moments): PlsFit;
  /**
   * {@link LeanEstimator.fit} into arrays owned by the estimator: the same numbers, but the fit's arrays (item
   * correlations, weights, cross-loadings, construct correlations, paths, R²) are overwritten by
   * the next `fitShared` call. For a loop that reads each resample's statistics before fitting the next: no
   * allocation per resample beyond the fit object and its warnings.
   */
  fitShared(moments: Moments): PlsFit;
}

/**
 * The lean form of {@link estimateFromMoments} for resampling loops: the same settings ({@link resolveSettings}),
 * the same two calls the estimator makes for a first-order model (`correlationFromMoments` then `fitPls` on the
 * model's stage structure, through one {@link fitPlan} reused by every fit), without naming results, effects tables
 * or quality. Returns null when the model needs
 * the full estimator (higher-order constructs by two stages, PLSc). Moments must hold exactly `items`, in order.
 *
 * @example
 * const lean = leanEstimator(model, { scheme: 'path' });
 * const fit = lean?.fit(accumulateMoments(columns, { names: lean.items }));
 * fit?.paths
 */
export function leanEstimator(model: ModelSpec, options: EstimateOptions = {}): LeanEstimator | null {
  if (options.consistent === true || model.constructs.some((c) => (c.dimensions?.length ?? 0) > 0)) return null;
  const settings = resolveSettings(options, false, model);
  const structure = stageStructure(stageTwoModel(model));
  const fitOptions = fitOptionsOf(settings);
  const missing = settings.missing;
  const p = structure.itemNames.length;
  // Means, SDs and the scatter matrix are not returned: one workspace for every fit.
  const means = new Float64Array(p);
  const sds = new Float64Array(p);
  const scratch = new Float64Array(p * p);
  // Built lazily: an invalid structure throws on the first fit, as the full estimator does.
  let plan: FitPlan | null = null;
  // The plan's iteration compiled once (null: the plain loop; see iterationKernel).
  let kernel: IterationKernel | null = null;
  const planned = (): FitPlan => {
    if (plan === null) {
      plan = fitPlan(structure);
      kernel = iterationKernel(plan, fitOptions.scheme);
    }
    return plan;
  };
  const m = structure.constructNames.length;
  let shared: { r: Float64Array; arrays: FitArrays } | null = null;
  return {
    items: structure.itemNames,
    constructs: structure.constructNames,
    fit(moments) {
      const k = moments.items.length;
      const r = new Float64Array(k * k);
      const n = k === p ? correlationInto(moments, null, missing, r, means, sds, scratch) : correlationInto(moments, null, missing, r, new Float64Array(k), new Float64Array(k), null);
      return fitWithPlan(planned(), r, n, fitOptions, undefined, kernel);
    },
    fitShared(moments) {
      const k = moments.items.length;
      if (k !== p) return this.fit(moments);
      shared ??= {
        r: new Float64Array(p * p),
        arrays: {
          weights: new Float64Array(p * m),
          crossLoadings: new Float64Array(p * m),
          constructCorrelation: new Float64Array(m * m),
          paths: new Float64Array(m * m),
          rSquared: new Float64Array(m),
          names: namesOf(structure),
        },
      };
      const n = correlationInto(moments, null, missing, shared.r, means, sds, scratch);
      return fitWithPlan(planned(), shared.r, n, fitOptions, shared.arrays, kernel);
    },
  };
}
