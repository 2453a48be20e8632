/** Largest value (and largest w·x) the int16 kernel takes. */
export const INT16_MAX = 32767;

/** The rows an int16 pass takes and their integer weights (see {@link int16RowWeights}). */
export interface Int16RowWeights {
  /** How many rows are taken: the first m entries of `at`, `kt`, `wt`. */
  m: number;
  /** Their row indices, in the order given. */
  at: Int32Array;
  /** Their counts (multiplicities). */
  kt: Float64Array;
  /** Their row weights w = weight × count, integers 0 … 32,767. */
  wt: Int16Array;
  /** n = Σ count, Σ w, Σ w², in the general loop's order. */
  n: number;
  sw: number;
  sww: number;
  /** The largest w (0 when no row is taken). */
  maxW: number;
  /** True when every w is 1. */
  ones: boolean;
}

/**
 * The rows (all N, or `rows`) with count > 0, and their row weights w = weight × count, for the int16 kernel passes
 * (`int16Sums`, `int16IncompleteSums`); null when a row index is outside 0 … N−1, a count or weight is negative or not
 * a number (the general loop reports or handles these), or a w is not an integer in 0 … 32,767 (it must fit the
 * kernel's int16 lanes), or a count is not an integer (then Σ count per chunk, as `int16IncompleteSums` adds the
 * missing counts, could round unlike the loop's row-by-row sum; integer sums are exact in any order). A row with
 * count > 0 and weight 0 is kept (w = 0): its values must qualify too. Sums in the general loop's order: n = Σ count,
 * Σ w, Σ w² (exact: integers).
 *
 * @example
 * int16RowWeights(3, null, Float64Array.of(2, 0, 1), null)
 * // { m: 2, at: [0, 2, …], kt: [2, 1, …], wt: [2, 1, …], n: 3, sw: 3, sww: 5, maxW: 2, ones: false }
 */
export function int16RowWeights(
  N: number,
  weights: Float64Array | null,
  counts: Float64Array | Uint32Array | null,
  rows: Int32Array | null,
): Int16RowWeights | null {
  const nRows = rows ? rows.length : N;
  const at = new Int32Array(nRows);
  const kt = new Float64Array(nRows);
  const wt = new Int16Array(nRows);
  let m = 0;
  let n = 0;
  let sw = 0;
  let sww = 0;
  let maxW = 0;
  let ones = true;
  for (let t = 0; t < nRows; t++) {
    const r = rows ? rows[t] : t;
    if (!(r >= 0 && r < N)) return null;
    const k = counts ? counts[r] : 1;
    if (k === 0) continue;
    if (!(k > 0) || (weights && !(weights[r] >= 0))) return null; // the loop reports or handles these
    if (Math.floor(k) !== k) return null; // a fractional count: sums of counts per chunk could round unlike the loop
    const w = weights ? weights[r] * k : k;
    if (!(w >= 0 && w <= INT16_MAX) || Math.floor(w) !== w) return null;
    n += k;
    sw += w;
    sww += w * w;
    if (w > maxW) maxW = w;
    if (w !== 1) ones = false;
    at[m] = r;
    kt[m] = k;
    wt[m++] = w;
  }
  return { m, at, kt, wt, n, sw, sww, maxW, ones };
}
