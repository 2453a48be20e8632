/**
 * Construct scores Y_c = Σ_k v_kc (x_k − x̄_k) / s_k for every row (methodology §8.1 step 11: Y = Z W, not
 * re-standardized; unit variance under the estimator's divisor). `V` holds each construct's weights on the
 * standardized items (|items| × m, row-major; for a higher-order construct its stage-2 weights passed through the
 * stage-1 weights). A missing value counts as the item mean (z = 0), which is exactly the mean-replacement rule; with
 * `casewise`, rows with a missing item get NaN. Under pairwise deletion scores use the same z = 0 convention.
 *
 * @example
 * constructScores([new Float64Array([1, 3])], new Float64Array([2]), new Float64Array([Math.SQRT2]), new Float64Array([1]), ['A'], false).A
 * // [-0.707…, 0.707…]
 */
export function constructScores(
  columns: readonly Float64Array[],
  means: Float64Array,
  sds: Float64Array,
  V: Float64Array,
  names: readonly string[],
  casewise: boolean,
): Record<string, Float64Array> {
  const g = columns.length;
  const m = names.length;
  const n = g > 0 ? columns[0].length : 0;
  const out = names.map(() => new Float64Array(n));
  const z = new Float64Array(g);
  for (let r = 0; r < n; r++) {
    let incomplete = false;
    for (let k = 0; k < g; k++) {
      const x = columns[k][r];
      if (x !== x) {
        incomplete = true;
        z[k] = 0;
      } else z[k] = (x - means[k]) / sds[k];
    }
    for (let c = 0; c < m; c++) {
      if (casewise && incomplete) {
        out[c][r] = NaN;
        continue;
      }
      let y = 0;
      for (let k = 0; k < g; k++) y += V[k * m + c] * z[k];
      out[c][r] = y;
    }
  }
  const res: Record<string, Float64Array> = {};
  names.forEach((nm, c) => (res[nm] = out[c]));
  return res;
}
