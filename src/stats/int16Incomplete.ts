/**
 * The exact moments pass for non-negative integer data WITH missing values (the pairwise-complete sums the 'mean' and
 * 'pairwise' rules need), on the WebAssembly int16 kernel. Each item i becomes three int16 columns: x_i with missing
 * values set to 0, the observed flag o_i (1 or 0), and x_i² (0 when missing); with a column of ones, the kernel's
 * pairs a ≤ b over the 3p + 1 columns (in the order x, o, x², 1) give every sum of {@link Moments}:
 *
 *   c_ij = Σ w x_i x_j,  s_i = Σ w x_i·1,  m_ij = Σ w o_i o_j,  p_ij = Σ w x_i o_j,  q_ij = Σ w o_j x_i²,  Σ w = Σ w·1·1
 *
 * (x_i is 0 where item i is missing, so x_i = o_i x_i). These are the loop's sums: it forms them as differences
 * (m_ij = Σw − Σw[i missing] − Σw[j missing] + Σw[both missing], p_ij = s_i − Σ w x_i [j missing], …), the same
 * integers; all exact (< 2^53), so bit-identical. n_i = Σ count·o_i is counted while copying.
 */
import { BLOCK_ROWS, flushBlocks, int16Kernel, runPairs, type Int16Kernel } from './int16Kernel.js';
import { fillOnes, kernelLayout } from './int16Layout.js';
import { INT16_MAX, int16RowWeights } from './int16RowWeights.js';

/** Blocks per chunk here: 2,048 rows; with 73 columns (24 items) a chunk's values take 300 KB. */
const CHUNK_BLOCKS = 8;

/** Largest value: x² must fit int16 (181² = 32,761). */
const MAX_VALUE = 181;

/** The sums of a pass over incomplete rows, as Float64Arrays (p × p matrices row-major); see {@link int16IncompleteSums}. */
export interface IncompleteSums {
  n: number;
  sw: number;
  sww: number;
  nObs: Float64Array;
  s: Float64Array;
  c: Float64Array;
  m: Float64Array;
  p: Float64Array;
  q: Float64Array;
  /** True when no value of a row taken is missing. */
  complete: boolean;
}

let kept: Int16Kernel | null = null;

/**
 * The pairwise-complete sums of the rows (all, or `rows`) with multiplicities `counts` and `weights`, or null when
 * the kernel is unavailable or the data do not qualify (then the general loop runs): a present value negative,
 * fractional or above 181; a row weight (count × weight) not an integer, w·x² above 32,767, w·max(1, x²)² above
 * 2^26 − 1 (one block could overflow a lane: {@link flushBlocks}; with w = 1, values up to 90); a row index outside
 * 0…N−1; or Σw·max(1, max x²)² ≥ 2^53.
 *
 * @example
 * int16IncompleteSums([Float64Array.of(1, NaN, 3), Float64Array.of(2, 2, 0)], null, null, null)
 * // { n: 3, sw: 3, nObs: [2, 3], s: [4, 4], m: [2, 2, 2, 3], p: [4, 4, 2, 4], q: [10, 10, 4, 8], c: [10, 2, 2, 8], complete: false, … }
 */
export function int16IncompleteSums(
  columns: readonly Float64Array[],
  weights: Float64Array | null,
  counts: Float64Array | Uint32Array | null,
  rows: Int32Array | null,
): IncompleteSums | null {
  const p = columns.length;
  if (p === 0) return null;
  const N = columns[0].length;
  const nRows = rows ? rows.length : N;
  // the rows with count > 0, their counts and weights; n, Σw, Σw² in the loop's order
  const taken = int16RowWeights(N, weights, counts, rows);
  if (taken === null) return null;
  const { at, kt, wt, m, n, sw, sww, maxW, ones } = taken;
  const P = 3 * p + 1;
  const pairs = (P * (P + 1)) / 2;
  const totals = new Float64Array(pairs);
  const nMiss = new Float64Array(p);
  let maxX = 0;
  const identity = rows === null && m === nRows; // every row taken, in order: at[j] = j
  if (m > 0) {
    const chunkBlocks = Math.min(CHUNK_BLOCKS, Math.ceil(m / BLOCK_ROWS));
    const L = kernelLayout(P, chunkBlocks); // no stage: the values are copied by copyItem, not packed
    if (!kept || kept.memory.buffer.byteLength < L.bytes) kept = int16Kernel(L.bytes);
    const k = kept;
    if (!k) return null;
    const x16 = new Int16Array(k.memory.buffer, L.x, chunkBlocks * P * BLOCK_ROWS);
    const w16 = new Int16Array(k.memory.buffer, L.w, chunkBlocks * BLOCK_ROWS);
    const lanes = new Uint32Array(k.memory.buffer, L.acc, 4 * pairs);
    const chunkRows = chunkBlocks * BLOCK_ROWS;
    for (let j0 = 0; j0 < m; j0 += chunkRows) {
      const len = Math.min(chunkRows, m - j0);
      const blocks = Math.ceil(len / BLOCK_ROWS);
      if (len < blocks * BLOCK_ROWS) x16.fill(0, (blocks - 1) * P * BLOCK_ROWS, blocks * P * BLOCK_ROWS); // padding rows: 0
      for (let a = 0; a < p; a++) {
        const v = copyItem(columns[a], identity ? null : at, kt, j0, len, x16, a, p, P, nMiss);
        if (v < 0) return null;
        if (v > maxX) maxX = v;
      }
      fillOnes(x16, P - 1, P, len);
      if (!ones) {
        w16.set(wt.subarray(j0, j0 + len));
        w16.fill(0, len, blocks * BLOCK_ROWS);
      }
      if (maxW * Math.max(1, maxX * maxX) > INT16_MAX) return null;
      const perCall = flushBlocks(maxW, maxX * maxX);
      if (perCall < 1) return null;
      runPairs(k, L.x, ones ? 0 : L.w, blocks, P, L.acc, lanes, L.scratch, perCall, totals);
    }
  }
  if (!(sw * Math.max(1, maxX * maxX) ** 2 < 2 ** 53)) return null;
  const complete = nMiss.every((k) => k === 0); // counts are > 0: a missing cell of a row taken adds to nMiss
  // pair (a, b), a ≤ b, of the P columns: index a·P − a(a−1)/2 + (b − a)
  const T = (a: number, b: number): number => totals[a * P - (a * (a - 1)) / 2 + (b - a)];
  const X = (i: number): number => i;
  const O = (i: number): number => p + i;
  const Q = (i: number): number => 2 * p + i;
  const ONE = P - 1;
  const pp = p * p;
  const out: IncompleteSums = {
    n,
    sw,
    sww,
    nObs: new Float64Array(p),
    s: new Float64Array(p),
    c: new Float64Array(pp),
    m: new Float64Array(pp),
    p: new Float64Array(pp),
    q: new Float64Array(pp),
    complete,
  };
  for (let i = 0; i < p; i++) {
    out.nObs[i] = n - nMiss[i];
    out.s[i] = T(X(i), ONE);
    for (let j = 0; j < p; j++) {
      const ij = i * p + j;
      out.c[ij] = i <= j ? T(X(i), X(j)) : T(X(j), X(i));
      out.m[ij] = i <= j ? T(O(i), O(j)) : T(O(j), O(i));
      out.p[ij] = T(X(i), O(j)); // Σ w x_i o_j
      out.q[ij] = T(O(j), Q(i)); // Σ w o_j x_i²
    }
  }
  return out;
}

/**
 * Item a of rows j0 … j0+len−1 (of `at`, or the rows themselves) into the chunk's blocked int16 layout as three
 * columns of P: x_a (column a), o_a (p + a) and x_a² (2p + a), zeros for a missing value, whose row's count is added
 * to nMiss[a]. Returns the largest value present, or −1 when one is negative, fractional or above 181
 * (i = v | 0 equals v only for an integer in int32 range).
 */
function copyItem(col: Float64Array, at: Int32Array | null, kt: Float64Array, j0: number, len: number, x16: Int16Array, a: number, p: number, P: number, nMiss: Float64Array): number {
  let max = 0;
  let bad = 0;
  let miss = 0;
  for (let base = 0, o = 0; base < len; base += BLOCK_ROWS, o += P * BLOCK_ROWS) {
    const end = Math.min(BLOCK_ROWS, len - base);
    const ox = o + a * BLOCK_ROWS;
    const oo = o + (p + a) * BLOCK_ROWS;
    const oq = o + (2 * p + a) * BLOCK_ROWS;
    const from = j0 + base;
    for (let r = 0; r < end; r++) {
      const v = col[at ? at[from + r] : from + r];
      if (v !== v) {
        miss += kt[from + r];
        x16[ox + r] = 0;
        x16[oo + r] = 0;
        x16[oq + r] = 0;
        continue;
      }
      const i = v | 0;
      bad |= (i !== v ? 1 : 0) | (i < 0 || i > MAX_VALUE ? 1 : 0);
      if (i > max) max = i;
      x16[ox + r] = i;
      x16[oo + r] = 1;
      x16[oq + r] = i * i;
    }
  }
  nMiss[a] += miss;
  return bad === 0 ? max : -1;
}
