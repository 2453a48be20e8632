/**
 * Moments: the mergeable sufficient statistics of a survey's items, the one contract between "where the rows are"
 * (memory, a worker, a resample, DuckDB, a ClickHouse shard) and the estimator, which only ever sees p × p data.
 *
 * All matrices are p × p, row-major, plain `number[]` (JSON-safe). w is the row weight (1 without sampling weights;
 * a bootstrap count times the sampling weight in a resample). o_i is 1 when item i is observed in the row, else 0.
 * Every field is a sum over rows, so two Moments of the same items add field by field ({@link mergeMoments}).
 *
 * | field | definition |
 * |---|---|
 * | n | number of rows (COUNT(*)) |
 * | sw, sww | Σ w, Σ w² |
 * | nObs[i] | Σ o_i (rows with item i observed) |
 * | s[i] | Σ w o_i x_i |
 * | m[i,j] | Σ w o_i o_j (m[i,i] = weight of rows with i observed) |
 * | p[i,j] | Σ w o_i o_j x_i (p[i,i] = s[i]) |
 * | q[i,j] | Σ w o_i o_j x_i² |
 * | c[i,j] | Σ w o_i o_j x_i x_j (c[i,i] = Σ w o_i x_i²) |
 *
 * With no missing value anywhere (`complete`), m = sw, p[i,j] = s[i] and q[i,j] = c[i,i]; engines may then send only
 * n, sw, sww, nObs, s, c (the "complete form") and csikit fills the rest.
 */
export interface Moments {
  items: string[];
  n: number;
  /** True when rows carried sampling weights (sw may differ from n). */
  weighted: boolean;
  sw: number;
  sww: number;
  nObs: number[];
  s: number[];
  m: number[];
  p: number[];
  q: number[];
  c: number[];
  /** True when no item value is missing in any row these moments cover. */
  complete: boolean;
}
