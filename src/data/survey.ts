import type { Codebook } from './codebook.js';
import type { CsiWarning } from '../errors.js';

/**
 * A loaded survey in columnar form: the one shape every later stage reads.
 *
 * Items are `Float64Array` columns with `NaN` for missing (missing codes already applied, reverse items already
 * flipped). Arrays are parallel: `itemNames[k]` names `items[k]`. No row objects exist anywhere.
 */
export interface Survey {
  /** Number of respondent rows kept. */
  n: number;
  /** Item names, in codebook order. */
  itemNames: string[];
  /** One column per item, length n, NaN = missing. */
  items: Float64Array[];
  /** Respondent ids (from the codebook's `id` column), or null when there is none. */
  ids: string[] | null;
  /** Sampling weights (codebook `weight`), or null. */
  weights: Float64Array | null;
  /** Categorical columns: levels + integer codes (−1 = missing). */
  segments: SurveySegment[];
  /** Other numeric columns (NaN = missing). */
  numeric: { name: string; values: Float64Array }[];
  /** The codebook used (given or inferred). */
  codebook: Codebook;
  /** What loading did to the data. */
  log: SurveyLog;
  /** Data-quality flags and other non-fatal findings. */
  warnings: CsiWarning[];
  /** The data-quality flags in full (the warnings name at most ten rows each). Set by the readers. */
  quality?: SurveyQuality;
}

/** Data-quality flags, with 1-based file rows (header = 1). */
export interface SurveyQuality {
  /** Rows whose answers are the same on every item. */
  straightLiners: number[];
  /** Rows missing more than the `highMissingShare` of items. */
  highMissing: number[];
  /** Items with zero variance (or no answers). */
  zeroVariance: string[];
  /** Rating items with at least half their answers at the top of the scale (a ceiling), with that share. */
  topBox?: { item: string; share: number }[];
}

/** A categorical column. `codes[i]` indexes `levels`, −1 means missing. */
export interface SurveySegment {
  name: string;
  levels: string[];
  codes: Int32Array;
}

/** The record of what was coerced on load: nothing is changed silently. */
export interface SurveyLog {
  /** Rows read from the file (excluding the header). */
  rowsRead: number;
  /** Missing codes hit, per column and code. */
  missingCodes: { column: string; value: number; count: number }[];
  /** Empty (or NA) cells per item or numeric column. */
  emptyCells: { column: string; count: number }[];
  /** Items flipped as min + max − x. */
  reversed: string[];
  /** Rows excluded after the header, with the reason (1-based file row numbers). */
  excludedRows: { row: number; reason: string }[];
  /**
   * 1-based file row of the header (greater than 1 when blank lines precede it). Set by the readers; absent for
   * surveys built another way. `fileRowOf` maps a survey row back to its file row with it.
   */
  headerRow?: number;
  /** File columns not named by the codebook (ignored). */
  ignoredColumns: string[];
  /** Columns without a single answer, left out of an inferred codebook (they are in `ignoredColumns` too). */
  emptyColumns?: string[];
  /** Cells read with a decimal comma (`7,5` → 7.5), per column. */
  decimalCommas?: { column: string; count: number }[];
  /** Detected or given text encoding and delimiter. */
  encoding: string;
  delimiter: string;
}
