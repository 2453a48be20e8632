import { CsiError } from '../errors.js';
import type { Survey } from '../data/index.js';

/**
 * The survey's columns of the given names, in that order: an item column, else a numeric column of that name
 * (the arrays themselves, not copies). Errors: MISSING_COLUMN naming the first name that is neither.
 *
 * @example
 * const [sat1, age] = surveyColumns(survey, ['CUSA1', 'age']);
 */
export function surveyColumns(survey: Survey, names: readonly string[]): Float64Array[] {
  const index = new Map<string, number>();
  survey.itemNames.forEach((name, k) => index.set(name, k));
  return names.map((name) => {
    const k = index.get(name);
    if (k !== undefined) return survey.items[k];
    const numeric = survey.numeric.find((col) => col.name === name);
    if (numeric) return numeric.values;
    throw new CsiError('MISSING_COLUMN', `Column ${name} is not an item of the survey.`, { column: name });
  });
}
