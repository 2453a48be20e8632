import { CsiError } from '../../errors.js';
import { feedRow, type TableCell } from '../feedTable.js';
import { builderOptions, type ReadSurveyOptions } from '../readSurveyOptions.js';
import type { Survey } from '../survey.js';
import { createSurveyBuilder } from '../surveyBuilder.js';
import { readXlsx, type XlsxSheet } from './readXlsx.js';

/** Options of {@link readSurveyXlsx}: those of `readSurvey` that do not concern CSV text, plus the sheet. */
export interface ReadSurveyXlsxOptions extends Pick<ReadSurveyOptions, 'codebook' | 'highMissingShare' | 'naStrings'> {
  /** The sheet's name or 1-based position. Default: the first sheet. */
  sheet?: string | number;
}

/**
 * Reads a survey from an xlsx workbook (bytes) into a {@link Survey}, through the same builder as CSV: the first
 * non-empty row of the sheet is the header, row numbers in errors and the log are the sheet's own, blank rows
 * between data rows are listed as excluded, text answers are mapped by the codebook's value labels. Formula cells
 * give their cached values, dates their ISO text. A header cell merged over several columns names the first one;
 * the others have no name, are ignored and reported (warning MERGED_HEADER).
 *
 * @throws CsiError ENCRYPTED_FILE, CORRUPT_FILE, EMPTY_FILE (no sheets, or an empty sheet), INVALID_OPTION (no such
 *   sheet), plus every error of `readSurvey` (NON_NUMERIC, OUT_OF_SCALE, MISSING_COLUMN ...).
 * @example
 * const survey = readSurveyXlsx(bytes, { codebook, sheet: 'Responses' });
 */
export function readSurveyXlsx(bytes: Uint8Array | ArrayBuffer, options: ReadSurveyXlsxOptions = {}): Survey {
  const sheet = readXlsx(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes, options.sheet);
  return surveyFromSheet(sheet, options);
}

/**
 * Builds the survey from an already read sheet (see {@link readSurveyXlsx}).
 *
 * @example
 * const survey = surveyFromSheet(readXlsx(bytes), { codebook });
 */
export function surveyFromSheet(sheet: XlsxSheet, options: ReadSurveyXlsxOptions = {}): Survey {
  if (sheet.rows.length === 0) throw new CsiError('EMPTY_FILE', `Sheet "${sheet.name}" of the workbook is empty: there is no header row and no data.`);
  const { sheet: _sheet, ...rest } = options;
  const builder = createSurveyBuilder(builderOptions(rest, ','));
  builder.reserve(sheet.rows.length);
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const header = sheet.rows[0];
  const merged = sheet.merged.filter((m) => m.firstRow <= header.row && m.lastRow >= header.row && m.lastCol > m.firstCol);
  let prev = header.row;
  const row: TableCell[] = new Array(width);
  for (const r of sheet.rows) {
    for (let b = prev + 1; b < r.row; b++) builder.sink.blankRow(b);
    prev = r.row;
    for (let j = 0; j < width; j++) row[j] = r.cells[j] ?? null;
    if (r === header) for (let j = 0; j < width; j++) if (typeof row[j] === 'number') row[j] = String(row[j]);
    feedRow(builder.sink, r.row, row);
  }
  const survey = builder.finish({ encoding: `xlsx, sheet "${sheet.name}"`, delimiter: '' });
  if (merged.length > 0) {
    survey.warnings.push({
      code: 'MERGED_HEADER',
      message: `Merged header cell(s) ${merged.map((m) => m.ref).join(', ')} on sheet "${sheet.name}": only the first column of each has a name; the others are ignored. Unmerge them and name every column.`,
      count: merged.length,
    });
  }
  return survey;
}
