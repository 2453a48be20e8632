import type { Codebook } from '../codebook.js';
import { feedRow, type TableCell } from '../feedTable.js';
import { builderOptions, type ReadSurveyOptions } from '../readSurveyOptions.js';
import type { Survey } from '../survey.js';
import { createSurveyBuilder } from '../surveyBuilder.js';
import { readSav, type SavFile, type SavVariable } from './readSav.js';
import { savCodebook } from './savCodebook.js';
import { savDateText } from './savValues.js';

/** Options of {@link readSurveySav}: those of `readSurvey` that do not concern CSV text. */
export type ReadSurveySavOptions = Pick<ReadSurveyOptions, 'codebook' | 'highMissingShare' | 'naStrings'>;

/**
 * Reads an SPSS system file (.sav or .zsav, as bytes) into a {@link Survey}, through the same builder as CSV, so
 * validation, missing codes, reverse items and the log are identical. Without a codebook the file's own is used
 * ({@link savCodebook}: labels, value labels, user-missing values and ranges, measurement levels), not a guess.
 * Dates and times become ISO text (`2018-05-06`), system-missing values empty cells, user-missing values of
 * segments empty cells; user-missing values of items and numeric columns stay codes the codebook turns into NaN
 * (counted in `log.missingCodes`). Row numbers count cases as a spreadsheet would: case 1 is row 2.
 *
 * @throws CsiError CORRUPT_FILE, ENCODING (see `readSav`), plus every codebook and value error of `readSurvey`.
 * @example
 * const survey = readSurveySav(bytes);
 * survey.codebook.items[0].values; // [{ value: 1, label: { en: 'low' } }, ...]
 */
export function readSurveySav(bytes: Uint8Array | ArrayBuffer, options: ReadSurveySavOptions = {}): Survey {
  const sav = readSav(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes);
  return surveyFromSav(sav, options);
}

/**
 * Builds the survey from an already decoded {@link SavFile} (see {@link readSurveySav}).
 *
 * @example
 * const survey = surveyFromSav(readSav(bytes), { codebook });
 */
export function surveyFromSav(sav: SavFile, options: ReadSurveySavOptions = {}): Survey {
  const codebook: Codebook = options.codebook ?? savCodebook(sav);
  const builder = createSurveyBuilder(builderOptions({ ...options, codebook }, ','));
  builder.reserve(sav.n);
  const segmentIds = new Set((codebook.segments ?? []).map((s) => s.id));
  const cellOf = sav.variables.map((v) => cellReader(v, segmentIds.has(v.name)));
  feedRow(builder.sink, 1, sav.variables.map((v) => v.name));
  const row: TableCell[] = new Array(sav.variables.length);
  for (let r = 0; r < sav.n; r++) {
    for (let j = 0; j < cellOf.length; j++) row[j] = cellOf[j](r);
    feedRow(builder.sink, r + 2, row);
  }
  return builder.finish({ encoding: `${sav.encoding} (SPSS .${sav.compression === 'zlib' ? 'zsav' : 'sav'})`, delimiter: '' });
}

/** How one variable's value at case r becomes a cell. */
function cellReader(v: SavVariable, segment: boolean): (r: number) => TableCell {
  const missing = new Set<number | string>(v.missing.values);
  const range = v.missing.range;
  const isMissing = (x: number | string) => missing.has(x) || (typeof x === 'number' && range !== undefined && x >= range.min && x <= range.max);
  if (v.type === 'string') {
    const vals = v.values as string[];
    return (r) => (isMissing(vals[r]) ? null : vals[r]);
  }
  const vals = v.values as Float64Array;
  if (v.kind !== 'number') {
    const kind = v.kind as 'date' | 'datetime' | 'time';
    return (r) => (vals[r] !== vals[r] || isMissing(vals[r]) ? null : savDateText(vals[r], kind));
  }
  if (segment) return (r) => (isMissing(vals[r]) ? null : vals[r]);
  return (r) => vals[r];
}
