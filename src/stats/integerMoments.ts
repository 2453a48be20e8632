/**
 * The moments pass for complete, non-negative integer data (rating scales), several exact sums per double.
 *
 * With every value a non-negative integer and every row weight w (count × sampling weight) an integer, each product
 * w·x_a·x_b and each partial sum is an integer; while every sum stays below 2^L, the L-bit lanes of one double
 * P_g = Σ_l x_(gk+l)·2^(L·l) add without carries and without rounding (k lanes, k·L ≤ 53). So
 *
 *   Σ_r (w_r·x_ra)·P_rg = Σ_l (Σ_r w_r·x_ra·x_r,gk+l)·2^(L·l)
 *
 * gives k cross-products c_ab in one multiply-add, and s_a = Σ w·x_a likewise. The sums are exact integers, so they
 * are the very numbers any other order of addition gives (the general pass included): bit-identical moments.
 */

/** Sums of one integer pass: n = Σ counts, sw = Σ w, sww = Σ w², s (p), c (p × p, symmetric). */
export interface IntegerSums {
  n: number;
  sw: number;
  sww: number;
  s: Float64Array;
  c: Float64Array;
}

/**
 * The sums of the rows (all, or `rows`) with multiplicities `counts` and `weights`, or null when the data do not
 * qualify (then the general pass runs): a value missing, negative or not an integer, a weight or count not a
 * non-negative integer, a row index outside 0..N−1, or Σw·max(1, max x²) ≥ 2^26 (no exact lane width).
 *
 * @example
 * integerSums([Float64Array.of(1, 2, 3), Float64Array.of(2, 2, 0)], null, null, null)
 * // { n: 3, sw: 3, sww: 3, s: [6, 4], c: [14, 6, 6, 8] }
 */
export function integerSums(
  columns: readonly Float64Array[],
  weights: Float64Array | null,
  counts: Float64Array | Uint32Array | null,
  rows: Int32Array | null,
): IntegerSums | null {
  const p = columns.length;
  const N = p > 0 ? columns[0].length : 0;
  const nRows = rows ? rows.length : N;
  if (p === 0) return null;
  // qualify the row weights (integers ≥ 0; Σw² ≤ (Σw)² < 2^52 below: exact) and list the rows with w > 0
  const at = new Int32Array(nRows);
  const wt = new Float64Array(nRows);
  let m = 0;
  let n = 0;
  let sw = 0;
  let sww = 0;
  for (let t = 0; t < nRows; t++) {
    const r = rows ? rows[t] : t;
    if (!(r >= 0 && r < N)) return null;
    const k = counts ? counts[r] : 1;
    if (k === 0) continue;
    const w = weights ? weights[r] * k : k;
    if (!(w >= 0) || Math.floor(w) !== w) return null;
    n += k;
    sw += w;
    sww += w * w;
    at[m] = r;
    wt[m++] = w;
  }
  // the values of those rows, row-major with a stride padded to whole lanes (zeros), qualified on the way
  let lanes = 3;
  let S = Math.ceil(p / lanes) * lanes;
  let X = new Float64Array(m * S);
  let maxX = 0;
  for (let a = 0; a < p; a++) {
    const col = columns[a];
    for (let j = 0; j < m; j++) {
      const v = col[at[j]];
      if (!(v >= 0) || Math.floor(v) !== v) return null; // NaN, negative or fractional
      if (v > maxX) maxX = v;
      X[j * S + a] = v;
    }
  }
  const bound = sw * Math.max(1, maxX * maxX);
  if (!(bound < 2 ** 26)) return null;
  if (!(bound < 2 ** 17)) {
    lanes = 2;
    const S2 = Math.ceil(p / 2) * 2;
    const X2 = new Float64Array(m * S2);
    for (let j = 0; j < m; j++) for (let a = 0; a < p; a++) X2[j * S2 + a] = X[j * S + a];
    S = S2;
    X = X2;
  }
  const bits = lanes === 3 ? 17 : 26;
  const unit = 2 ** bits;
  const unit2 = lanes === 3 ? unit * unit : 0;
  const G = S / lanes;
  const first = new Int32Array(p); // the group of column a: cells b ≥ a start there
  for (let a = 0; a < p; a++) first[a] = Math.floor(a / lanes);
  const acc = new Float64Array(p * G); // acc[a·G + g]: Σ w·x_a·P_g
  const sAcc = new Float64Array(G); // Σ w·P_g
  const P1 = new Float64Array(G);
  const P2 = new Float64Array(G);
  // two rows at a time (each acc cell loaded and stored once per pair); a lone last row pairs with weight 0
  for (let j = 0; j < m; j += 2) {
    const o1 = j * S;
    const w1 = wt[j];
    const two = j + 1 < m;
    const o2 = two ? o1 + S : o1;
    const w2 = two ? wt[j + 1] : 0;
    for (let g = 0, b = 0; g < G; g++, b += lanes) {
      // P = x_b + x_(b+1)·2^L (+ x_(b+2)·2^2L): unit2 is 0 with two lanes, and the third term then adds 0
      P1[g] = X[o1 + b] + X[o1 + b + 1] * unit + (unit2 === 0 ? 0 : X[o1 + b + 2] * unit2);
      P2[g] = X[o2 + b] + X[o2 + b + 1] * unit + (unit2 === 0 ? 0 : X[o2 + b + 2] * unit2);
      sAcc[g] += w1 * P1[g] + w2 * P2[g];
    }
    for (let a = 0; a < p; a++) {
      const x1 = w1 * X[o1 + a];
      const x2 = w2 * X[o2 + a];
      const base = a * G;
      for (let g = first[a]; g < G; g++) acc[base + g] += x1 * P1[g] + x2 * P2[g];
    }
  }
  // split the lanes (exact: multiplying by a power of two and flooring an integer-valued double)
  const inv = 1 / unit;
  const s = new Float64Array(p);
  const c = new Float64Array(p * p);
  const lane = (v: number, l: number): number => {
    for (let i = 0; i < l; i++) v = Math.floor(v * inv);
    return v - Math.floor(v * inv) * unit;
  };
  for (let b = 0; b < p; b++) s[b] = lane(sAcc[Math.floor(b / lanes)], b % lanes);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      const v = lane(acc[a * G + Math.floor(b / lanes)], b % lanes);
      c[a * p + b] = v;
      c[b * p + a] = v;
    }
  }
  return { n, sw, sww, s, c };
}
