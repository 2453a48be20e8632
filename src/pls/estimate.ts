import type { Survey } from '../data/survey.js';
import { assertSurvey } from '../data/assertSurvey.js';
import type { ModelSpec } from '../model/types.js';
import { validateModel } from '../model/validate.js';
import { momentsFromSurvey } from '../stats/momentsFromSurvey.js';
import { surveyColumns } from '../stats/surveyColumns.js';
import { estimateWithCore } from './estimateFromMoments.js';
import { constructScores } from './scores.js';
import type { EstimateOptions, PlsResult } from './types.js';

/**
 * Estimates a PLS path model on a survey: one pass over the rows for the moments ({@link momentsFromSurvey} with
 * the chosen missing-value rule and the survey's sampling weights unless `weights: false`), then
 * `estimateFromMoments` on p × p data; construct scores (a second pass) only with `scores: true`.
 * Options and defaults as `estimateFromMoments`; `weights` (default: the survey's weight column when it has one).
 * With casewise deletion the result's `missing.rowsDeleted` counts the rows dropped.
 *
 * @example
 * const survey = readSurvey(csvText);
 * const res = estimate(survey, parseModel('Image =~ IMAG1 + IMAG2\nSat =~ CUSA1 + CUSA2\nSat ~ Image'));
 * res.paths[0].estimate; res.rSquared.Sat.r2; res.quality?.reliability.Image.rhoA
 */
export function estimate(survey: Survey, model: ModelSpec, options: EstimateOptions = {}): PlsResult {
  assertSurvey(survey, 'estimate');
  validateModel(model, { items: [...survey.itemNames, ...survey.numeric.map((c) => c.name)] });
  const missing = options.missing ?? 'mean';
  const items = [...new Set(model.constructs.flatMap((c) => c.items ?? []))];
  const weights = options.weights === undefined ? true : options.weights;
  const moments = momentsFromSurvey(survey, { items, missing, weights });
  const { scores: wantScores, ...rest } = options;
  const core = estimateWithCore(moments, model, rest);
  const result = core.result;
  result.settings.scores = wantScores === true;
  if (missing === 'casewise') result.missing.rowsDeleted = survey.n - moments.n;
  if (wantScores === true) {
    const columns = surveyColumns(survey, core.items);
    result.scores = constructScores(columns, core.means, core.sds, core.V, result.constructs, missing === 'casewise');
  }
  return result;
}
