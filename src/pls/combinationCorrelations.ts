/**
 * Correlations of linear combinations Z·V of standardized items (V is g × m row-major, items with correlation
 * matrix S, g × g): with SV = S·V and C = V'SV (the combinations' covariances),
 * XL_ka = cor(z_k, Y_a) = (SV)_ka / √C_aa and RC_ab = cor(Y_a, Y_b) = C_ab / (√C_aa √C_bb) (unit diagonal).
 * The same algebra as `fitPls`'s proxies (methodology §8.1), for any V: the two-stage estimator uses it for the
 * stage-2 indicator correlations and for every construct's cross-loadings and correlations (§8.10).
 *
 * @example
 * // one item, two combinations z and 2z: both correlate 1 with the item and with each other
 * combinationCorrelations(new Float64Array([1]), 1, new Float64Array([1, 2]), 2) // { XL: [1, 1], RC: [1, 1, 1, 1] }
 */
export function combinationCorrelations(S: Float64Array, g: number, V: Float64Array, m: number): { XL: Float64Array; RC: Float64Array } {
  const SV = new Float64Array(g * m);
  for (let k = 0; k < g; k++) {
    for (let c = 0; c < m; c++) {
      let v = 0;
      for (let l = 0; l < g; l++) {
        const w = V[l * m + c];
        if (w !== 0) v += S[k * g + l] * w;
      }
      SV[k * m + c] = v;
    }
  }
  const C = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      let v = 0;
      for (let k = 0; k < g; k++) {
        const w = V[k * m + a];
        if (w !== 0) v += w * SV[k * m + b];
      }
      C[a * m + b] = v;
    }
  }
  const sd = new Float64Array(m);
  for (let a = 0; a < m; a++) sd[a] = Math.sqrt(C[a * m + a]);
  const XL = new Float64Array(g * m);
  for (let k = 0; k < g; k++) for (let a = 0; a < m; a++) XL[k * m + a] = SV[k * m + a] / sd[a];
  const RC = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) RC[a * m + b] = a === b ? 1 : C[a * m + b] / (sd[a] * sd[b]);
  return { XL, RC };
}
