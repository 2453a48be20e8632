import type { KpiResult } from './types.js';

export type { KpiResult };

/** The five KPI kinds. */
export type KpiKind = KpiResult['kind'];

/** Options every KPI function takes. */
export interface KpiOptions {
  /** Column name written into the result (default 'value'). */
  column?: string;
  /** Sampling weights parallel to the values (weighted proportions, Kish n_eff, linearisation SE). */
  weights?: Float64Array | null;
  /** Confidence level of the two-sided interval (default 0.95). */
  level?: number;
  /** Maps a 0-based value index to the 1-based file row errors name (default index + 2: header is row 1). */
  rowOf?: (i: number) => number | undefined;
}

/** The value an accessor may return: a number, a numeric string, yes/no, a boolean; null/undefined/'' = no answer. */
export type KpiValue = number | string | boolean | null | undefined;
