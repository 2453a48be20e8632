import type { Survey } from '../data/index.js';
import type { MissingRule } from './missing.js';
import type { Moments } from './moments-types.js';
import { accumulateMoments } from './accumulateMoments.js';
import { surveyColumns } from './surveyColumns.js';

/** Options of {@link momentsFromSurvey}. */
export interface MomentsFromSurveyOptions {
  /** Item names to accumulate, in this order. Default: all of the survey's items. */
  items?: readonly string[];
  /**
   * Missing-value rule the moments are for. 'casewise' accumulates only the rows complete on `items` (complete
   * form); 'mean' and 'pairwise' accumulate every row (pairwise-complete form). Default `DEFAULT_MISSING` ('mean').
   */
  missing?: MissingRule;
  /** Use the survey's sampling weights (`survey.weights`), or these weights. Default true when the survey has weights. */
  weights?: boolean | Float64Array;
  /** Row multiplicities (a bootstrap resample). Default none. */
  counts?: Float64Array | Uint32Array | null;
  /** Only these rows (0-based). Default all. */
  rows?: Int32Array;
}

/**
 * The {@link Moments} of a survey's items: {@link accumulateMoments} over the named columns ({@link surveyColumns}), with the survey's
 * sampling weights unless `weights: false`.
 *
 * @example
 * const mo = momentsFromSurvey(survey, { items: ['CUSA1', 'CUSA2'], missing: 'mean' });
 * mo.n // survey.n
 */
export function momentsFromSurvey(survey: Survey, options: MomentsFromSurveyOptions = {}): Moments {
  const names = options.items ? [...options.items] : [...survey.itemNames];
  const columns = surveyColumns(survey, names);
  let weights: Float64Array | null = null;
  if (options.weights instanceof Float64Array) weights = options.weights;
  else if (options.weights !== false) weights = survey.weights;
  return accumulateMoments(columns, {
    names,
    weights,
    counts: options.counts ?? null,
    ...(options.rows ? { rows: options.rows } : {}),
    ...(options.missing ? { missing: options.missing } : {}),
  });
}
