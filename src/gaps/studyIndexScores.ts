import type { Survey } from '../data/index.js';
import { CsiError } from '../errors.js';
import { acsiIndexForm, indexScores, itemMoments, type LinearIndex } from '../indices/index.js';
import type { MissingRule } from '../stats/index.js';
import { momentsFromSurvey, surveyColumns } from '../stats/index.js';

/**
 * Respondent 0-100 indices of the named constructs from a Study's own `indexWeights` (raw-item weights) and
 * `indexScales`: each construct's ACSI form (`acsiIndexForm`, the same form the Study's indices come from), scored by
 * `indexScores` under the study's missing rule (mean replacement fills a missing answer with the item's mean;
 * casewise leaves the respondent unscored). Errors: UNKNOWN_CONSTRUCT naming a construct without index weights;
 * NO_SCALE naming a weighted item without a scale in `indexScales`.
 *
 * @example
 * studyIndexScores(survey, ['PerceivedQuality', 'Expectation'], study.indexWeights!, study.indexScales!, 'mean')
 */
export function studyIndexScores(
  survey: Survey,
  constructs: readonly string[],
  indexWeights: Record<string, Record<string, number>>,
  indexScales: Record<string, readonly [number, number]>,
  missing: MissingRule = 'mean',
): Record<string, Float64Array> {
  const forms: Record<string, LinearIndex> = {};
  for (const c of constructs) {
    const w = indexWeights[c];
    if (!w) throw new CsiError('UNKNOWN_CONSTRUCT', `Construct ${c} is not in the model or has no index (constructs with indices: ${Object.keys(indexWeights).join(', ') || 'none'}).`, { construct: c });
    const unscaled = Object.keys(w).filter((k) => !indexScales[k]);
    if (unscaled.length > 0) throw new CsiError('NO_SCALE', `Construct ${c}: item ${unscaled.join(', ')} has no scale in indexScales (give item scales in the codebook or --scale).`, { construct: c, column: unscaled[0] });
    forms[c] = acsiIndexForm(w, Object.fromEntries(Object.keys(w).map((k) => [k, [indexScales[k][0], indexScales[k][1]]])));
  }
  const items = [...new Set(Object.values(forms).flatMap((f) => f.items))];
  if (items.length === 0) return {};
  const im = itemMoments(momentsFromSurvey(survey, { items, missing }), items, missing);
  const columns = Object.fromEntries(surveyColumns(survey, items).map((col, i) => [items[i], col]));
  return indexScores(forms, columns, im, missing);
}
