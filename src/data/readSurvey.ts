import { CsiError } from '../errors.js';
import { createCsvTokenizer } from './csvTokenizer.js';
import { createFieldDecoder, decodeText, estimateRows, prepareBytes } from './decodeText.js';
import { detectDelimiter } from './detectDelimiter.js';
import { assertBytes, assertText, builderOptions, givenDelimiter, givenEncoding, type ReadSurveyOptions } from './readSurveyOptions.js';
import { readSurveySav } from './sav/readSurveySav.js';
import { createSurveyBuilder } from './surveyBuilder.js';
import { surveyFileFormat } from './surveyFileFormat.js';
import { readSurveyXlsx } from './xlsx/readSurveyXlsx.js';
import type { Survey } from './survey.js';

/**
 * Reads a survey from CSV text or bytes into a columnar {@link Survey}, validating it against a codebook.
 *
 * Bytes of an xlsx workbook or an SPSS .sav/.zsav file (recognised by their first bytes) are read by
 * `readSurveyXlsx` / `readSurveySav`. CSV bytes get encoding detection (UTF-8 with or without BOM, GBK/GB18030 as Excel and WPS write them in China);
 * the delimiter (comma, semicolon, tab) is detected; quoted fields and CRLF are handled. With a codebook, reverse
 * items are flipped as min + max − x, missing codes and empty cells become NaN and are counted in `log`, columns
 * the codebook does not name are ignored and listed. Without one, a draft codebook is inferred (see
 * {@link ReadSurveyOptions.codebook}). Only blank lines are ever skipped, each named in `log.excludedRows`.
 * A column named `__proto__`, `constructor` or `prototype` is refused (FORBIDDEN_COLUMN_NAME), so no later code
 * that keys objects by column name can be polluted; a column with an empty name (R's row names) is ignored and
 * listed as `(unnamed column N)`. Row numbers count records as a spreadsheet shows them (header = 1; a quoted
 * line break does not start a new row; blank lines count).
 *
 * @throws CsiError EMPTY_FILE, HEADER_ONLY, RAGGED_ROW, DUPLICATE_COLUMN, FORBIDDEN_COLUMN_NAME, UNTERMINATED_QUOTE,
 *   ENCODING, BINARY_INPUT, INVALID_CODEBOOK, MISSING_COLUMN, NON_NUMERIC, OUT_OF_SCALE, DUPLICATE_ID, MISSING_ID,
 *   INVALID_WEIGHT, UNKNOWN_LEVEL, INVALID_OPTION; `row` is the 1-based file row (header = 1), `column` the name.
 * @example
 * const s = readSurvey('id,SAT1,SAT2\n1,7,8\n2,9,\n', {
 *   codebook: { id: 'id', items: [{ id: 'SAT1', scale: { min: 1, max: 10 } }, { id: 'SAT2', scale: { min: 1, max: 10 } }] },
 * });
 * s.n;                // 2
 * s.items[1][1];      // NaN (empty cell, counted in s.log.emptyCells)
 */
export function readSurvey(input: string | Uint8Array | ArrayBuffer, options: ReadSurveyOptions = {}): Survey {
  const enc = givenEncoding(options);
  let bytes: Uint8Array;
  let sampleText: string;
  let encoding: string;
  let fieldLabel = 'utf-8';
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    assertText(text);
    sampleText = text.slice(0, 65536);
    bytes = new TextEncoder().encode(text);
    encoding = 'string';
  } else if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const raw = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
    const format = surveyFileFormat(raw);
    if (format === 'sav') return readSurveySav(raw, options);
    if (format === 'xlsx') return readSurveyXlsx(raw, options);
    const prep = prepareBytes(raw, enc);
    encoding = prep.encoding;
    fieldLabel = prep.fieldLabel;
    if (prep.transcode) {
      const text = decodeText(raw, enc).text;
      assertText(text);
      sampleText = text.slice(0, 65536);
      bytes = new TextEncoder().encode(text);
    } else {
      bytes = prep.skip ? raw.subarray(prep.skip) : raw;
      assertBytes(bytes);
      sampleText = new TextDecoder(fieldLabel).decode(bytes.subarray(0, 65536));
    }
  } else {
    throw new CsiError('INVALID_OPTION', 'readSurvey needs CSV text, a Uint8Array or an ArrayBuffer.');
  }
  const delimiter = givenDelimiter(options) ?? detectDelimiter(sampleText, bytes.length <= 65536);
  const builder = createSurveyBuilder({ ...builderOptions(options, delimiter), decodeField: createFieldDecoder(fieldLabel) });
  builder.reserve(estimateRows(bytes, bytes.length));
  const tokenizer = createCsvTokenizer(delimiter, builder.sink);
  tokenizer.push(bytes);
  tokenizer.end();
  return builder.finish({ encoding, delimiter });
}
