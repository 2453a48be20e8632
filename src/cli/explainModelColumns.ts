import type { Survey } from '../data/index.js';
import { CsiError } from '../errors.js';
import type { ModelSpec } from '../model/index.js';

/**
 * Before estimation: for a model item that is a column of the file but not an item of the survey, says why (a
 * column the codebook leaves out, a column with no answers, a text/segment column) instead of the model validator's
 * "not a column of the data", which would be false. Items that are not in the file at all are left to the validator.
 *
 * @throws CsiError UNKNOWN_ITEM naming the item, its construct and the column's role.
 * @example
 * explainModelColumns(survey, parseModel('A =~ Q1 + region')) // throws: "… 'region' … is a segment (text) column …"
 */
export function explainModelColumns(survey: Survey, model: ModelSpec, codebookGiven: boolean): void {
  const usable = new Set([...survey.itemNames, ...survey.numeric.map((c) => c.name)]);
  const empty = new Set(survey.log.emptyColumns ?? []);
  const ignored = new Set(survey.log.ignoredColumns);
  const segments = new Set(survey.segments.map((s) => s.name));
  for (const c of model.constructs) {
    for (const item of c.items ?? []) {
      if (usable.has(item)) continue;
      const at = `Item '${item}' of '${c.name}'`;
      let why: string | undefined;
      if (empty.has(item)) why = `${at} is a column of the file without a single answer (every cell is empty).`;
      else if (ignored.has(item)) why = `${at} is a column of the file but is missing from the codebook: add it to the codebook's items.`;
      else if (segments.has(item)) {
        why = codebookGiven
          ? `${at} is a segment column in the codebook, not an item.`
          : `${at} is a text column (read as a segment: most of its cells are not numbers); pass a codebook that declares it an item.`;
      } else if (survey.ids !== null && survey.codebook.id === item) why = `${at} is the respondent id column, not an item.`;
      else if (survey.codebook.weight === item) why = `${at} is the weight column, not an item.`;
      if (why) throw new CsiError('UNKNOWN_ITEM', why, { construct: c.name, column: item });
    }
  }
}
