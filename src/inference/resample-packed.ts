/**
 * The integer-packed resample pass: several exact integer sums carried in one double.
 *
 * When every item value is a non-negative integer and every weight an integer, each product w·x_a·x_b and each
 * partial sum of a resample is an integer. If every such sum stays below 2^L, the L-bit "lanes" of one double,
 *
 *   P = v₀ + v₁·2^L + v₂·2^(2L)   (lanes·L ≤ 53),
 *
 * add without carries between lanes and without rounding: Σ w·P_i = (Σ w v₀) + (Σ w v₁)·2^L + …, every partial
 * sum an integer below 2^53. So one multiply-add does the work of `lanes` cells, and the sums are exactly the
 * integers the plain loops produce (exact integers do not depend on the order of addition): bit-identical results.
 * Whether the data qualify is checked at run time (packing time: integers, ≥ 0, bound; each pass: Σ counts).
 */

/** Row products of complete integer rows, packed `lanes` cells per double (see the module comment). */
export interface PackedIntegerTable {
  /** Cells per double: 3 (lanes of 17 bits) or 2 (26 bits). */
  lanes: number;
  /** Bits per lane. */
  bits: number;
  /** Doubles per row: ⌈(p + p(p+1)/2) / lanes⌉. */
  groups: number;
  /**
   * Row i's cells at i·groups…: first the p values x_a (for s), then the packed upper triangle x_a·x_b (a ≤ b, row
   * by row), `lanes` consecutive cells per double, cell j in lane j mod lanes of double ⌊j / lanes⌋. Null when it
   * would exceed 1,000,000 doubles: the pass then packs each drawn row's values on the fly
   * ({@link packedIntegerRowsPass}).
   */
  table: Float64Array | null;
  /** Largest cell value times the largest weight: a pass over Σ counts = N rows is exact when N·scale < 2^bits. */
  scale: number;
}

/** Largest table built, in doubles (8 MB). */
const TABLE_LIMIT = 1_000_000;

/**
 * The packed table of complete rows x (row-major n × p) for the packed pass, or null when the data do not qualify:
 * a value that is negative or not an integer, or no lane width that holds n rows' sums (n·max(1, max x²)·max w ≥ 2^26). The lane width is chosen for Σ counts = n (a bootstrap draws n
 * rows); each pass checks its own Σ counts again ({@link packedIntegerFits}).
 *
 * @example
 * const t = packedIntegerTable(Float64Array.of(1, 2, 3, 4), 2, 2, 1);
 * t?.lanes // 3; t?.groups // 2 (cells x0, x1, x0², x0x1, x1²)
 */
export function packedIntegerTable(x: Float64Array, n: number, p: number, maxWeight: number): PackedIntegerTable | null {
  let maxX = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(v >= 0) || Math.floor(v) !== v) return null;
    if (v > maxX) maxX = v;
  }
  if (!(maxWeight >= 1) || Math.floor(maxWeight) !== maxWeight) return null;
  const scale = Math.max(1, maxX * maxX) * maxWeight;
  const bound = n * scale;
  const lanes = bound < 2 ** 17 ? 3 : bound < 2 ** 26 ? 2 : 0;
  if (lanes === 0) return null;
  const bits = lanes === 3 ? 17 : 26;
  const cells = p + (p * (p + 1)) / 2;
  const groups = Math.ceil(cells / lanes);
  if (n * groups > TABLE_LIMIT) return { lanes, bits, groups, table: null, scale };
  const table = new Float64Array(n * groups);
  const unit = 2 ** bits;
  for (let i = 0; i < n; i++) {
    const o = i * p;
    let g = i * groups;
    let v = 0; // the double being filled, its next lane's multiplier, and that lane
    let mul = 1;
    let lane = 0;
    for (let a = -1; a < p; a++) {
      // a = −1: the values x_b themselves (for s); then row a of the upper triangle, x_a·x_b for b ≥ a
      const xa = a < 0 ? 1 : x[o + a];
      for (let b = a < 0 ? 0 : a; b < p; b++) {
        v += xa * x[o + b] * mul;
        mul *= unit;
        if (++lane === lanes) {
          table[g++] = v;
          v = 0;
          mul = 1;
          lane = 0;
        }
      }
    }
    if (lane > 0) table[g] = v;
  }
  return { lanes, bits, groups, table, scale };
}

/**
 * True when a pass over rows drawn `total` times in all (Σ counts) stays exact in the table's lanes.
 *
 * @example
 * packedIntegerFits(packedIntegerTable(Float64Array.of(1, 2, 3, 4), 2, 2, 1)!, 2) // true
 */
export function packedIntegerFits(t: PackedIntegerTable, total: number): boolean {
  return total * t.scale < 2 ** t.bits;
}

/**
 * One packed pass from the table (see {@link packedIntegerTable}; `t.table` must be present): acc[g] = Σ_i w_i·table[i·groups + g] over rows with count > 0, w_i = count_i × weight_i, and
 * tot = [Σ w, Σ w², Σ counts]; then the lanes are split into s (p) and the packed upper triangle c (p(p+1)/2).
 * Exact (hence identical to any other order of the same integer sums) when {@link packedIntegerFits}.
 *
 * @example
 * const t = packedIntegerTable(Float64Array.of(1, 2, 3), 3, 1, 1)!;
 * const s = new Float64Array(1), c = new Float64Array(1), tot = new Float64Array(3);
 * packedIntegerPass(t, 3, 1, Uint32Array.of(2, 0, 1), null, s, c, tot); // s = [5], c = [11], tot = [3, 5, 3]
 */
export function packedIntegerPass(
  t: PackedIntegerTable,
  n: number,
  p: number,
  counts: Uint32Array | null,
  weights: Float64Array | null,
  s: Float64Array,
  c: Float64Array,
  tot: Float64Array,
): void {
  const { groups, lanes, bits } = t;
  const table = t.table as Float64Array;
  const acc = new Float64Array(groups);
  let sw = 0;
  let sww = 0;
  let nRows = 0;
  // the drawn rows are listed first, then added four at a time (each acc cell loaded and stored once per four
  // rows); every term is a non-negative integer, so each partial sum is at most the final one: exact in any order
  const at = new Int32Array(n);
  const wt = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const k = counts === null ? 1 : counts[i];
    if (k === 0) continue;
    const w = weights === null ? k : k * weights[i];
    nRows += k;
    sw += w;
    sww += w * w;
    at[m] = i * groups;
    wt[m++] = w;
  }
  let r = 0;
  for (; r + 3 < m; r += 4) {
    const b1 = at[r];
    const b2 = at[r + 1];
    const b3 = at[r + 2];
    const b4 = at[r + 3];
    const w1 = wt[r];
    const w2 = wt[r + 1];
    const w3 = wt[r + 2];
    const w4 = wt[r + 3];
    for (let g = 0; g < groups; g++) acc[g] += w1 * table[b1 + g] + w2 * table[b2 + g] + w3 * table[b3 + g] + w4 * table[b4 + g];
  }
  for (; r < m; r++) {
    const b1 = at[r];
    const w1 = wt[r];
    for (let g = 0; g < groups; g++) acc[g] += w1 * table[b1 + g];
  }
  const unit = 2 ** bits;
  const inv = 1 / unit; // a power of two: v·inv is exact
  const cells = p + (p * (p + 1)) / 2;
  let j = 0;
  for (let g = 0; g < groups; g++) {
    let v = acc[g];
    for (let l = 0; l < lanes && j < cells; l++, j++) {
      const hi = Math.floor(v * inv);
      const lane = v - hi * unit;
      if (j < p) s[j] = lane;
      else c[j - p] = lane;
      v = hi;
    }
  }
  tot[0] = sw;
  tot[1] = sww;
  tot[2] = nRows;
}

/**
 * The packed pass without a table (large n): each drawn row's values are packed on the fly, P_g = Σ_l x_(g·lanes+l)
 * ·2^(bits·l), and for every a, acc[a, g] += w·x_a·P_g over the groups g holding a column b ≥ a (two drawn rows at a
 * time); s from Σ w·P_g. p(p+1)/2·(1/lanes + …) multiply-adds per row instead of p(p+1)/2, exact under the same
 * condition ({@link packedIntegerFits}), so the same sums as the loops bit for bit. Fills s, the packed upper
 * triangle c and tot = [Σ w, Σ w², Σ counts].
 *
 * @example
 * const t = packedIntegerTable(Float64Array.of(1, 2, 3), 3, 1, 1)!;
 * const s = new Float64Array(1), c = new Float64Array(1), tot = new Float64Array(3);
 * packedIntegerRowsPass(t, Float64Array.of(1, 2, 3), 3, 1, Uint32Array.of(2, 0, 1), null, s, c, tot); // s = [5], c = [11]
 */
export function packedIntegerRowsPass(
  t: PackedIntegerTable,
  x: Float64Array,
  n: number,
  p: number,
  counts: Uint32Array | null,
  weights: Float64Array | null,
  s: Float64Array,
  c: Float64Array,
  tot: Float64Array,
): void {
  const { lanes, bits } = t;
  const unit = 2 ** bits;
  const G = Math.ceil(p / lanes);
  const first = new Int32Array(p);
  for (let a = 0; a < p; a++) first[a] = Math.floor(a / lanes);
  const mul = new Float64Array(p); // 2^(bits·(b mod lanes))
  for (let b = 0; b < p; b++) mul[b] = (b % lanes) * bits === 0 ? 1 : 2 ** ((b % lanes) * bits);
  const acc = new Float64Array(p * G);
  const sAcc = new Float64Array(G);
  const P1 = new Float64Array(G);
  const P2 = new Float64Array(G);
  let sw = 0;
  let sww = 0;
  let nRows = 0;
  let pend = -1;
  let pw = 0;
  for (let i = 0; i <= n; i++) {
    let w = 0;
    let o2 = 0;
    if (i < n) {
      const k = counts === null ? 1 : counts[i];
      if (k === 0) continue;
      w = weights === null ? k : k * weights[i];
      nRows += k;
      sw += w;
      sww += w * w;
      if (pend < 0) {
        pend = i;
        pw = w;
        continue;
      }
      o2 = i * p;
    } else if (pend < 0) break;
    else o2 = pend * p; // a lone last row pairs with itself at weight 0
    const o1 = pend * p;
    const w1 = pw;
    pend = -1;
    for (let g = 0; g < G; g++) {
      P1[g] = 0;
      P2[g] = 0;
    }
    for (let b = 0; b < p; b++) {
      const g = first[b];
      P1[g] += x[o1 + b] * mul[b];
      P2[g] += x[o2 + b] * mul[b];
    }
    for (let g = 0; g < G; g++) sAcc[g] += w1 * P1[g] + w * P2[g];
    for (let a = 0; a < p; a++) {
      const x1 = w1 * x[o1 + a];
      const x2 = w * x[o2 + a];
      const base = a * G;
      for (let g = first[a]; g < G; g++) acc[base + g] += x1 * P1[g] + x2 * P2[g];
    }
  }
  const inv = 1 / unit;
  const lane = (v: number, l: number): number => {
    for (let k = 0; k < l; k++) v = Math.floor(v * inv);
    return v - Math.floor(v * inv) * unit;
  };
  for (let b = 0; b < p; b++) s[b] = lane(sAcc[first[b]], b % lanes);
  let q = 0;
  for (let a = 0; a < p; a++) for (let b = a; b < p; b++) c[q++] = lane(acc[a * G + first[b]], b % lanes);
  tot[0] = sw;
  tot[1] = sww;
  tot[2] = nRows;
}
