import { CsiError } from '../errors.js';
import type { Codebook } from './codebook.js';
import type { SurveyEncoding } from './decodeText.js';
import type { SurveyDelimiter } from './detectDelimiter.js';
import { parseCodebook } from './parseCodebook.js';
import type { SurveyBuilderOptions } from './surveyBuilder.js';

/** Options of `readSurvey`, `readSurveyStream` and `readSurveyFile`. */
export interface ReadSurveyOptions {
  /**
   * The codebook (validated on use; INVALID_CODEBOOK if it fails). Default: none, and a draft is inferred: numeric
   * columns become items with scales guessed from the observed values (`inferred: true`, warning INFERRED_SCALE),
   * other columns become segments, a column named like `id` / `respondent_id` becomes the id, one named `weight` the weight.
   */
  codebook?: Codebook;
  /** Text encoding of byte input. Default `'auto'`: BOM, else UTF-8 if valid, else GB18030 (covers GBK). */
  encoding?: SurveyEncoding;
  /** Field delimiter. Default `'auto'`: detected from the first lines among comma, semicolon and tab. */
  delimiter?: 'auto' | SurveyDelimiter;
  /** A respondent missing more than this share of the items is flagged HIGH_MISSING. Default 0.5. */
  highMissingShare?: number;
  /**
   * Expected size of the input in bytes, used by the stream reader to preallocate columns (`readSurveyFile` sets it
   * from the file size). Default: unknown, the columns grow by doubling.
   */
  sizeHint?: number;
  /** Cell texts read as missing, like an empty cell (counted in `log.emptyCells`). Default `['NA']` (R's write.csv). */
  naStrings?: string[];
  /** xlsx only: the sheet's name or 1-based position. Default: the first sheet. */
  sheet?: string | number;
}

/**
 * Checks the options that are not the encoding or the delimiter, validates the codebook, and returns the builder's
 * settings (decimal commas are accepted only in semicolon files).
 *
 * @example
 * builderOptions({ highMissingShare: 0.3 }, ';') // { codebook: undefined, highMissingShare: 0.3, naStrings: ['NA'], decimalComma: true }
 */
export function builderOptions(options: ReadSurveyOptions, delimiter: SurveyDelimiter): SurveyBuilderOptions {
  const share = options.highMissingShare ?? 0.5;
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
    throw new CsiError('INVALID_OPTION', `highMissingShare must be a number between 0 and 1 (got ${String(share)}).`);
  }
  const na = options.naStrings ?? ['NA'];
  if (!Array.isArray(na) || na.some((s) => typeof s !== 'string' || s === '')) {
    throw new CsiError('INVALID_OPTION', 'naStrings must be an array of non-empty strings.');
  }
  return {
    codebook: options.codebook === undefined ? undefined : parseCodebook(options.codebook),
    highMissingShare: share,
    naStrings: na,
    decimalComma: delimiter === ';',
  };
}

/**
 * Validates the `delimiter` option; returns null for auto.
 *
 * @example
 * givenDelimiter({ delimiter: ';' }) // ';'
 */
export function givenDelimiter(options: ReadSurveyOptions): SurveyDelimiter | null {
  const d = options.delimiter ?? 'auto';
  if (d === 'auto') return null;
  if (d === ',' || d === ';' || d === '\t') return d;
  throw new CsiError('INVALID_OPTION', `delimiter must be 'auto', ',', ';' or a tab (got ${JSON.stringify(d)}).`);
}

/**
 * Validates the `encoding` option.
 *
 * @example
 * givenEncoding({}) // 'auto'
 */
export function givenEncoding(options: ReadSurveyOptions): SurveyEncoding {
  const e = options.encoding ?? 'auto';
  if (e === 'auto' || e === 'utf-8' || e === 'gbk' || e === 'gb18030') return e;
  throw new CsiError('INVALID_OPTION', `encoding must be 'auto', 'utf-8', 'gbk' or 'gb18030' (got ${JSON.stringify(e)}).`);
}

/**
 * Throws BINARY_INPUT when decoded text holds a NUL character (a binary file, or UTF-16 without a BOM).
 *
 * @example
 * assertText('Q1\n1\n') // fine; assertText('PK\u0003\u0004\u0000') throws
 */
export function assertText(text: string): void {
  if (text.indexOf('\0') !== -1) {
    throw new CsiError('BINARY_INPUT', 'The input contains NUL bytes: it looks like a binary file (xlsx, sav ...) or UTF-16 text without a BOM, not CSV.');
  }
}

/**
 * Throws BINARY_INPUT when bytes of an ASCII-compatible encoding hold a NUL byte.
 *
 * @example
 * assertBytes(new Uint8Array([0x51, 0x0a])) // fine
 */
export function assertBytes(bytes: Uint8Array): void {
  if (bytes.indexOf(0) !== -1) {
    throw new CsiError('BINARY_INPUT', 'The input contains NUL bytes: it looks like a binary file (xlsx, sav ...) or UTF-16 text without a BOM, not CSV.');
  }
}
