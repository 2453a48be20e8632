import { assertSurvey, itemScales, type Survey } from '../data/index.js';
import type { ModelSpec } from '../model/index.js';
import { validateModel } from '../model/index.js';
import { constructScores, estimateWithCore, type EstimateOptions, type PlsResult } from '../pls/index.js';
import { missingRule, momentsFromSurvey, surveyColumns, type Moments } from '../stats/index.js';
import { countMissingCells } from './missingCells.js';

/**
 * Estimates a PLS path model on a survey: one pass over the rows for the moments ({@link momentsFromSurvey} with
 * the chosen missing-value rule and the survey's sampling weights unless `weights: false`), then
 * `estimateFromMoments` on p × p data; construct scores (a second pass) only with `scores: true`.
 * Options and defaults as `estimateFromMoments`; `weights` (default: the survey's weight column when it has one);
 * `scales` default to the codebook's item scales (`result.items[item].scale`).
 * With casewise deletion the result's `missing.rowsDeleted` counts the rows dropped.
 * Lives beside the bootstrap (inference/), the floor that takes surveys: pls/ sees moments and models only.
 *
 * @example
 * const survey = readSurvey(csvText);
 * const res = estimate(survey, parseModel('Image =~ IMAG1 + IMAG2\nSat =~ CUSA1 + CUSA2\nSat ~ Image'));
 * res.paths[0].estimate; res.rSquared.Sat.r2; res.quality?.reliability.Image.rhoA; res.items.CUSA1.mean
 */
export function estimate(survey: Survey, model: ModelSpec, options: EstimateOptions = {}): PlsResult {
  return estimateSurvey(survey, model, options).result;
}

/** {@link estimate}'s result and the moments it was estimated from (the survey's one pass over the rows). */
export interface SurveyEstimate {
  result: PlsResult;
  /** Moments of the model's items under the missing rule and weights of the estimate. */
  moments: Moments;
}

/**
 * {@link estimate}, also returning the moments of its one pass over the rows, so that callers needing both
 * (`analyze`: indices from the same moments) do not read the rows twice.
 *
 * @example
 * const { result, moments } = estimateSurvey(survey, model, { missing: 'casewise' });
 */
export function estimateSurvey(survey: Survey, model: ModelSpec, options: EstimateOptions = {}): SurveyEstimate {
  assertSurvey(survey, 'estimate');
  validateModel(model, { items: [...survey.itemNames, ...survey.numeric.map((c) => c.name)] });
  const missing = missingRule(options.missing);
  const items = [...new Set(model.constructs.flatMap((c) => c.items ?? []))];
  const weights = options.weights === undefined ? true : options.weights;
  const moments = momentsFromSurvey(survey, { items, missing, weights });
  const { scores: wantScores, ...rest } = options;
  const core = estimateWithCore(moments, model, { ...rest, scales: { ...itemScales(survey.codebook), ...options.scales } });
  const result = core.result;
  result.settings.scores = wantScores === true;
  if (missing === 'casewise') {
    result.missing.rowsDeleted = survey.n - moments.n;
    result.missing.missingCells = countMissingCells(survey, items); // the cells that caused the deletions
  }
  if (wantScores === true) {
    const columns = surveyColumns(survey, core.items);
    result.scores = constructScores(columns, core.means, core.sds, core.V, result.constructs, missing === 'casewise');
  }
  return { result, moments };
}
