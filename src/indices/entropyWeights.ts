import { CsiError } from '../errors.js';

/**
 * Entropy weights of m non-negative score columns (methodology §4.5 item 3): `p_ic = x_ic / Σ_i x_ic`,
 * `e_c = −(1/ln n) Σ_i p_ic ln p_ic` (0·ln 0 := 0), `d_c = 1 − e_c`, `W_c = d_c / Σ d`. Rows with a NaN in any column
 * are left out. Rewards dispersion, not importance to customers. Unweighted (sampling weights are not used).
 * Errors: CsiError('INVALID_OPTION') for a negative value, fewer than 2 rows, or no dispersion at all.
 *
 * @example
 * entropyWeights([Float64Array.of(1, 1, 1, 1), Float64Array.of(0, 0, 0, 4)]) // [0, 1]
 */
export function entropyWeights(columns: readonly Float64Array[]): Float64Array {
  const m = columns.length;
  const n0 = columns[0]?.length ?? 0;
  const keep: number[] = [];
  for (let r = 0; r < n0; r++) if (columns.every((c) => !Number.isNaN(c[r]))) keep.push(r);
  const n = keep.length;
  if (n < 2) throw new CsiError('INVALID_OPTION', 'Entropy weights need at least 2 complete rows.');
  const d = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    let total = 0;
    for (const r of keep) {
      const x = columns[c][r];
      if (x < 0) throw new CsiError('INVALID_OPTION', `Entropy weights need non-negative scores (got ${x}).`);
      total += x;
    }
    let e = 0;
    if (total > 0) {
      for (const r of keep) {
        const p = columns[c][r] / total;
        if (p > 0) e -= p * Math.log(p);
      }
      e /= Math.log(n);
    } else e = 1;
    d[c] = 1 - e;
  }
  const sum = d.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new CsiError('INVALID_OPTION', 'Entropy weights are undefined: no score column varies.');
  return Float64Array.from(d, (v) => v / sum);
}
