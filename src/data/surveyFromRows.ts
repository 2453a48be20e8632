import { CsiError } from '../errors.js';
import { builderOptions, type ReadSurveyOptions } from './readSurveyOptions.js';
import { createSurveyBuilder } from './surveyBuilder.js';
import type { Survey } from './survey.js';

/** Options of {@link surveyFromRows}: those of `readSurvey` that do not concern text. */
export type SurveyFromRowsOptions = Pick<ReadSurveyOptions, 'codebook' | 'highMissingShare' | 'naStrings'>;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v === v ? String(v) : '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString();
  return Object.prototype.toString.call(v);
}

/**
 * Builds a {@link Survey} from row objects (parsed JSON, a database result), with the same validation as
 * {@link readSurvey}. The columns are the union of the rows' own keys in order of first appearance; a key absent
 * from a row is an empty cell; `null`, `undefined` and `NaN` are missing. Row numbers in errors count as in a file
 * with a header: `rows[0]` is row 2. For large data prefer the CSV readers, which never build row objects.
 *
 * @example
 * const s = surveyFromRows([{ SAT: 7, region: 'North' }, { SAT: 9, region: 'South' }]);
 * s.itemNames;           // ['SAT']  (inferred, scale 1-10)
 * s.segments[0].levels;  // ['North', 'South']
 */
export function surveyFromRows(rows: Record<string, unknown>[], options: SurveyFromRowsOptions = {}): Survey {
  if (!Array.isArray(rows)) throw new CsiError('INVALID_OPTION', 'surveyFromRows needs an array of row objects.');
  const builder = createSurveyBuilder(builderOptions(options, ','));
  const index = new Map<string, number>();
  const header: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === null || typeof row !== 'object') {
      throw new CsiError('INVALID_OPTION', `Row ${r + 2} is not an object.`, { row: r + 2 });
    }
    for (const key of Object.keys(row)) {
      if (!index.has(key)) {
        index.set(key, header.length);
        header.push(key);
      }
    }
  }
  if (rows.length === 0 && header.length === 0) {
    return builder.finish({ encoding: 'rows', delimiter: '' });
  }
  const sink = builder.sink;
  const enc = new TextEncoder();
  sink.beginRow(1);
  header.forEach((h, j) => {
    const b = enc.encode(h);
    sink.cell(j, b, 0, b.length, -1);
  });
  sink.endRow(header.length, 1);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    sink.beginRow(r + 2);
    for (let j = 0; j < header.length; j++) {
      const key = header[j];
      const b = enc.encode(Object.prototype.hasOwnProperty.call(row, key) ? cellText(row[key]) : '');
      sink.cell(j, b, 0, b.length, -1);
    }
    sink.endRow(header.length, r + 2);
  }
  return builder.finish({ encoding: 'rows', delimiter: '' });
}
