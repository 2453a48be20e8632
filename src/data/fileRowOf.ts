import type { SurveyLog } from './survey.js';

/**
 * The 1-based file row of survey row `r` (0-based): the row after the header, plus every excluded (blank) line
 * before it. Undefined when the log does not record the header row (a survey not built by the readers).
 *
 * @example
 * // "\nQ1\n1\n\n2\n": header on row 2, row 4 blank, so survey row 1 is file row 5.
 * fileRowOf({ headerRow: 2, excludedRows: [{ row: 4, reason: 'blank line' }] }, 1) // 5
 */
export function fileRowOf(log: Pick<SurveyLog, 'headerRow' | 'excludedRows'>, r: number): number | undefined {
  if (log.headerRow === undefined) return undefined;
  let row = log.headerRow + 1 + r;
  for (const e of log.excludedRows) if (e.row <= row) row++; // ascending, so each skip can push past the next
  return row;
}
