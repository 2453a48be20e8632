import { CsiError } from '../errors.js';
import type { ModelSpec } from '../model/index.js';
import { missingRule } from '../stats/index.js';
import type { FitPlsOptions } from './fitPls.js';
import type { EstimateOptions, PlsSettings } from './types.js';

/** Default maximum number of iterations (seminr maxIt). */
export const DEFAULT_MAX_ITERATIONS = 300;
/** Default stop criterion Σ|ΔW| < 1e-7 (seminr stopCriterion = 7). */
export const DEFAULT_TOLERANCE = 1e-7;

/**
 * Every estimation choice with seminr's defaults filled, validated (CsiError INVALID_OPTION): the one place the
 * estimator's defaults are written. Both the full estimator and its lean per-resample form read it.
 *
 * @example
 * resolveSettings({}, false, model).scheme // 'path'
 */
export function resolveSettings(options: EstimateOptions, weighted: boolean, model: ModelSpec): PlsSettings {
  const scheme = options.scheme ?? 'path';
  if (scheme !== 'path' && scheme !== 'factorial' && scheme !== 'centroid') {
    throw new CsiError('INVALID_OPTION', `Unknown inner weighting scheme "${String(scheme)}" (path, factorial or centroid).`);
  }
  const missing = missingRule(options.missing);
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  if (!Number.isInteger(maxIterations) || maxIterations < 0) throw new CsiError('INVALID_OPTION', `maxIterations must be an integer ≥ 0, got ${maxIterations}.`);
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance > 0)) throw new CsiError('INVALID_OPTION', `tolerance must be > 0, got ${tolerance}.`);
  return {
    scheme,
    missing,
    maxIterations,
    tolerance,
    consistent: options.consistent === true,
    scores: options.scores === true,
    fSquared: options.fSquared === true,
    quality: options.quality !== false,
    weighted,
    twoStage: model.constructs.some((c) => (c.dimensions?.length ?? 0) > 0),
  };
}

/**
 * The options {@link fitPls} reads, from resolved settings.
 *
 * @example
 * fitOptionsOf(resolveSettings({}, false, model)) // { scheme: 'path', maxIterations: 300, tolerance: 1e-7 }
 */
export function fitOptionsOf(settings: PlsSettings): FitPlsOptions {
  return { scheme: settings.scheme, maxIterations: settings.maxIterations, tolerance: settings.tolerance };
}
