import type { Survey } from '../data/index.js';
import { surveyColumns } from '../stats/index.js';

/**
 * Missing cells (NaN) of the model's item columns over all survey rows: what casewise deletion deleted rows for.
 *
 * @example
 * countMissingCells(survey, ['Q1', 'Q2']) // 4202
 */
export function countMissingCells(survey: Survey, items: string[]): number {
  let count = 0;
  for (const col of surveyColumns(survey, items)) for (let r = 0; r < col.length; r++) if (col[r] !== col[r]) count++;
  return count;
}
