/**
 * One error type for everything csikit refuses to do, and one warning shape for everything it does with a caveat.
 *
 * Errors are data (after zod): a stable `code` an app can switch on, a plain-words `message`, and where it applies
 * the 1-based data `row` (the header is row 1, the first respondent row 2, as a spreadsheet shows it), the `column`
 * name, the `construct`, or the model-text `line`/`col`.
 */

/** Every code a {@link CsiError} or {@link CsiWarning} can carry. */
export type CsiErrorCode =
  // input files
  | 'EMPTY_FILE'
  | 'HEADER_ONLY'
  | 'RAGGED_ROW'
  | 'DUPLICATE_COLUMN'
  | 'FORBIDDEN_COLUMN_NAME'
  | 'EMPTY_COLUMN_NAME'
  | 'ENCODING'
  | 'BINARY_INPUT'
  | 'UNTERMINATED_QUOTE'
  | 'UNKNOWN_LEVEL'
  // codebook and values
  | 'INVALID_CODEBOOK'
  | 'MISSING_COLUMN'
  | 'NON_NUMERIC'
  | 'OUT_OF_SCALE'
  | 'DUPLICATE_ID'
  | 'MISSING_ID'
  | 'INVALID_WEIGHT'
  | 'LOW_EFFECTIVE_N'
  | 'NO_ITEMS'
  // model
  | 'MODEL_SYNTAX'
  | 'MODEL_INVALID'
  | 'UNKNOWN_ITEM'
  | 'DUPLICATE_ITEM'
  | 'UNKNOWN_CONSTRUCT'
  | 'EMPTY_CONSTRUCT'
  | 'CYCLE'
  | 'NO_PREDICTORS'
  | 'DUPLICATE_CONSTRUCT'
  | 'DUPLICATE_PATH'
  | 'MIXED_BLOCK'
  | 'INVALID_DIMENSION'
  // estimation
  | 'ZERO_VARIANCE'
  | 'SINGULAR'
  | 'NOT_CONVERGED'
  | 'TOO_FEW_ROWS'
  | 'INADMISSIBLE'
  | 'LOW_LOADING' | 'LOW_RELIABILITY' | 'HIGH_RELIABILITY' | 'LOW_AVE' | 'DISCRIMINANT_VALIDITY' | 'COLLINEARITY'
  | 'NEEDS_ROWS'
  | 'INVALID_OPTION'
  // data-quality flags and other warnings
  | 'MISSING_CODE'
  | 'STRAIGHT_LINER'
  | 'HIGH_MISSING'
  | 'ROWS_EXCLUDED'
  | 'IGNORED_COLUMN'
  | 'INFERRED_SCALE'
  | 'INFERRED_COLUMN'
  | 'INFERRED_CODEBOOK'
  | 'MIXED_SCALES'
  | 'DECIMAL_COMMA'
  | 'TOP_BOX'
  | 'RESAMPLE_DROPPED'
  | 'INVALID_RESAMPLE'
  | 'ABORTED'
  | 'ENGINE'
  | 'INCOMPLETE_MOMENTS'
  | 'INVALID_MOMENTS'
  // indices, hierarchy, AHP, IPMA (issue 13)
  | 'INVALID_SCALE'
  | 'NO_SCALE'
  | 'INVALID_MATRIX'
  | 'INCONSISTENT_MATRIX'
  | 'NOT_ENDOGENOUS'
  | 'NEGATIVE_WEIGHT'
  | 'INVALID_STUDY'
  // workbooks and SPSS files (issue 20)
  | 'CORRUPT_FILE'
  | 'ENCRYPTED_FILE'
  | 'MERGED_HEADER';

/** Where a problem is: any subset of row, column, construct and a position in model text. */
export interface CsiLocation {
  /** 1-based line of the input file as a spreadsheet numbers it (header = 1, first respondent = 2). */
  row?: number;
  /** Column (item) name. */
  column?: string;
  /** Construct name. */
  construct?: string;
  /** 1-based line in model text. */
  line?: number;
  /** 1-based column in model text. */
  col?: number;
}

/**
 * The error csikit throws for invalid input, with a stable `code` and a location.
 *
 * @example
 * try { readSurvey('') } catch (e) { if (e instanceof CsiError) console.log(e.code) } // 'EMPTY_FILE'
 */
export class CsiError extends Error implements CsiLocation {
  readonly code: CsiErrorCode;
  readonly row?: number;
  readonly column?: string;
  readonly construct?: string;
  readonly line?: number;
  readonly col?: number;

  constructor(code: CsiErrorCode, message: string, where: CsiLocation = {}) {
    // One plain line whatever the input held: control characters from data or model text are escaped.
    super(shownText(message, Infinity));
    this.name = 'CsiError';
    this.code = code;
    if (where.row !== undefined) this.row = where.row;
    if (where.column !== undefined) this.column = where.column;
    if (where.construct !== undefined) this.construct = where.construct;
    if (where.line !== undefined) this.line = where.line;
    if (where.col !== undefined) this.col = where.col;
  }

  /** Plain JSON form (for the CLI and for apps that post errors across threads). */
  toJSON(): { code: CsiErrorCode; message: string } & CsiLocation {
    const { code, message, row, column, construct, line, col } = this;
    return { code, message, row, column, construct, line, col };
  }
}

/** A problem that does not stop the work; attached to a result's `warnings`. Never printed by the library. */
export interface CsiWarning extends CsiLocation {
  code: CsiErrorCode;
  message: string;
  /** How many rows/cells/resamples it concerns, where that is a count. */
  count?: number;
}

/**
 * True when `e` is a {@link CsiError}; works across bundles where `instanceof` may not.
 *
 * @example
 * isCsiError(new CsiError('EMPTY_FILE', 'The file is empty.')) // true
 */
export function isCsiError(e: unknown): e is CsiError {
  return e instanceof CsiError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'CsiError' && typeof (e as { code?: unknown }).code === 'string');
}

/**
 * Input text made safe to echo in a one-line message: control characters (C0, DEL, C1, line and paragraph
 * separators) become `\u0000`-style escapes, and a text longer than `max` characters is cut with "…".
 *
 * @example
 * shownText('a\u0000b') // 'a\\u0000b'
 */
export function shownText(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const s = String(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * A list of names for a message: each through {@link shownText}, at most `max` shown, the rest counted
 * ("C0, C1, … and 2,390 more").
 *
 * @example
 * shownList(['a', 'b', 'c'], 2) // 'a, b and 1 more'
 */
export function shownList(names: readonly string[], max = 10, separator = ', '): string {
  const head = names.slice(0, max).map((n) => shownText(n, 80)).join(separator);
  return names.length > max ? `${head} and ${(names.length - max).toLocaleString('en-US')} more` : head;
}
