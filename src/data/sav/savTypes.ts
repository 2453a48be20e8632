/** The shapes a parsed SPSS system file (.sav/.zsav) is returned in (`readSav`). */

/** SPSS measurement level. */
export type SavMeasure = 'unknown' | 'nominal' | 'ordinal' | 'scale';

/** What the print format says a numeric variable holds. */
export type SavKind = 'number' | 'date' | 'datetime' | 'time' | 'string';

/** One variable of a system file, decoded. */
export interface SavVariable {
  /** The (long) variable name. */
  name: string;
  /** Variable label, if any. */
  label?: string;
  type: 'numeric' | 'string';
  /** String width in bytes (0 for numeric). */
  width: number;
  kind: SavKind;
  /** Print format: SPSS format type code, width, decimals. */
  format: { type: number; width: number; decimals: number };
  measure: SavMeasure;
  /** User-missing values and range (as stored; not applied to `values`). */
  missing: { values: (number | string)[]; range?: { min: number; max: number } };
  /** Value labels (code ↔ text). */
  valueLabels: { value: number | string; label: string }[];
  /** The data: numbers (NaN = system-missing; dates as seconds since 1582-10-14) or trimmed strings. */
  values: Float64Array | string[];
}

/** A decoded SPSS system file (.sav or .zsav). */
export interface SavFile {
  /** The TextDecoder label of the file's declared encoding. */
  encoding: string;
  compression: 'none' | 'bytecode' | 'zlib';
  fileLabel: string;
  /** Number of cases (rows). */
  n: number;
  variables: SavVariable[];
  /** Name of the weight variable, if the file is weighted. */
  weight?: string;
}
