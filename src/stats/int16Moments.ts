/**
 * The exact moments pass on the WebAssembly SIMD kernel ({@link int16Kernel}) for complete non-negative integer data
 * (rating scales) with integer row weights: the values are copied as 16-bit integers into the kernel's memory in
 * chunks of {@link CHUNK_BLOCKS} blocks, and every sum w·x_a·x_b is formed exactly in integer lanes, then added to
 * double totals. All sums are exact integers (< 2^53), so they equal the general loop's bit for bit, whatever the
 * order of addition.
 */
import type { IntegerSums } from './integerMoments.js';
import { BLOCK_ROWS, flushBlocks, int16Kernel, packColumn, runPairs, type Int16Kernel } from './int16Kernel.js';
import { fillOnes, kernelLayout, splitPairs, type KernelLayout } from './int16Layout.js';
import { INT16_MAX, int16RowWeights } from './int16RowWeights.js';

/** Blocks per chunk: 8,192 rows; with 25 columns the chunk's values take 400 KB (stays in the L2 cache). */
export const CHUNK_BLOCKS = 32;


/** A kernel instance kept for the passes of this thread, and the views of the last layout used on it. */
let shared: { k: Int16Kernel; views: ChunkViews | null } | null = null;

/** Typed-array views of one chunk layout (made once per layout: the kernel's memory never grows). */
interface ChunkViews {
  P: number;
  blocks: number;
  x16: Int16Array;
  w16: Int16Array;
  lanes: Uint32Array;
  stage: Float64Array;
  status: Int16Array;
}

/** The shared kernel, with a memory of at least `bytes` (a new instance when the kept one is smaller), or null. */
function kernelFor(bytes: number): Int16Kernel | null {
  if (shared && shared.k.memory.buffer.byteLength >= bytes) return shared.k;
  const k = int16Kernel(bytes);
  if (k) shared = { k, views: null };
  return k;
}

/** The views of layout L (P columns, `blocks` blocks per chunk) on the shared kernel, made on first use. */
function viewsFor(k: Int16Kernel, L: KernelLayout, P: number, blocks: number): ChunkViews {
  const kept = shared && shared.k === k ? shared.views : null;
  if (kept && kept.P === P && kept.blocks === blocks) return kept;
  const buffer = k.memory.buffer;
  const views = {
    P,
    blocks,
    x16: new Int16Array(buffer, L.x, (L.w - L.x) / 2),
    w16: new Int16Array(buffer, L.w, blocks * BLOCK_ROWS),
    lanes: new Uint32Array(buffer, L.acc, 4 * ((P * (P + 1)) / 2)),
    stage: new Float64Array(buffer, L.stage, blocks * BLOCK_ROWS),
    status: new Int16Array(buffer, L.status, 16),
  };
  if (shared && shared.k === k) shared.views = views;
  return views;
}

/**
 * The sums of an exact integer pass ({@link IntegerSums}: n, Σw, Σw², s, c) on the WebAssembly kernel, or null when
 * the kernel is unavailable (no WebAssembly or SIMD, or refused) or the data do not qualify: a value missing,
 * negative, fractional or above 32,767; a row weight (count × weight) not an integer in 0…32,767, or w·x above
 * 32,767; max w·max(1, max x)² above 2^26 − 1 (one block could overflow a lane: {@link flushBlocks}; with w = 1,
 * values up to 8,191); a row index outside 0…N−1; or Σw·max(1, max x)² ≥ 2^53 (totals no longer exact). Then
 * another pass runs.
 *
 * Rows with count 0 are skipped (the loop skips them too); the others are copied in chunks: for each block of 256
 * rows and each column a, x16[a][r] = x_(row r, a), plus a column of ones, and (when some w ≠ 1) w16[r] = w_r. All
 * rows in order (no rows, counts or weights) are copied by the kernel's `pack` (checked and converted in
 * WebAssembly: 100,000 × 24 in ~3 ms against ~6 for the JavaScript copy, and no interpreted loop on a first call);
 * a subset or a resample by a JavaScript loop.
 *
 * @example
 * int16Sums([Float64Array.of(1, 2, 3), Float64Array.of(2, 2, 0)], null, null, null)
 * // { n: 3, sw: 3, sww: 3, s: [6, 4], c: [14, 6, 6, 8] } (null without WebAssembly SIMD)
 */
export function int16Sums(
  columns: readonly Float64Array[],
  weights: Float64Array | null,
  counts: Float64Array | Uint32Array | null,
  rows: Int32Array | null,
): IntegerSums | null {
  const p = columns.length;
  if (p === 0) return null;
  const N = columns[0].length;
  const nRows = rows ? rows.length : N;
  // the rows with count > 0 (at, wt; all rows in order when there are no rows, counts or weights), n, Σw, Σw², max w
  let at: Int32Array | null = null;
  let wt: Int16Array | null = null;
  let m = nRows;
  let n = nRows;
  let sw = nRows;
  let sww = nRows;
  let maxW = 1;
  let ones = true; // every row weight is 1
  if (rows || counts || weights) {
    // rows of weight 0 stay: their values must qualify too (a missing one makes the moments incomplete)
    const taken = int16RowWeights(N, weights, counts, rows);
    if (taken === null) return null;
    ({ at, wt, m, n, sw, sww, maxW, ones } = taken);
  }
  const P = p + 1;
  const pairs = (P * (P + 1)) / 2;
  const totals = new Float64Array(pairs);
  let maxX = 0;
  if (m > 0) {
    const chunkBlocks = Math.min(CHUNK_BLOCKS, Math.ceil(m / BLOCK_ROWS));
    const L = kernelLayout(P, chunkBlocks, chunkBlocks);
    const k = kernelFor(L.bytes);
    if (!k) return null;
    const weighted = !ones;
    const { x16, w16, lanes, stage, status } = viewsFor(k, L, P, chunkBlocks);
    const chunkRows = chunkBlocks * BLOCK_ROWS;
    for (let j0 = 0; j0 < m; j0 += chunkRows) {
      const len = Math.min(chunkRows, m - j0);
      const blocks = Math.ceil(len / BLOCK_ROWS);
      for (let a = 0; a < p; a++) {
        const v = at ? copyColumn(columns[a], at, j0, len, x16, a, P) : packColumn(k, columns[a], j0, len, blocks, P, L.x + 2 * BLOCK_ROWS * a, L.stage, stage, L.status, status);
        if (v < 0) return null;
        if (v > maxX) maxX = v;
      }
      fillOnes(x16, p, P, len);
      if (weighted && wt) {
        w16.set(wt.subarray(j0, j0 + len));
        w16.fill(0, len, blocks * BLOCK_ROWS);
      }
      if (maxW * Math.max(1, maxX) > INT16_MAX) return null;
      const perCall = flushBlocks(maxW, maxX);
      if (perCall < 1) return null;
      runPairs(k, L.x, weighted ? L.w : 0, blocks, P, L.acc, lanes, L.scratch, perCall, totals);
    }
  }
  if (!(sw * Math.max(1, maxX) ** 2 < 2 ** 53)) return null;
  const s = new Float64Array(p);
  const c = new Float64Array(p * p);
  splitPairs(totals, p, s, c, false);
  return { n, sw, sww, s, c };
}

/**
 * Copy rows j0 … j0+len−1 (of `at`, or the rows themselves) of one column into the blocked int16 layout as column a
 * of P, zeros on the padding rows of the last block. Returns the largest value, or −1 when a value does not
 * qualify (missing, negative, fractional or above {@link INT16_MAX}): i = v | 0 equals v only for an integer in
 * int32 range (not NaN), and i >>> 15 is 0 only for 0 ≤ i ≤ 32767.
 */
function copyColumn(col: Float64Array, at: Int32Array | null, j0: number, len: number, x16: Int16Array, a: number, P: number): number {
  let max = 0;
  let bad = 0;
  for (let base = 0, o = a * BLOCK_ROWS; base < len; base += BLOCK_ROWS, o += P * BLOCK_ROWS) {
    const end = Math.min(BLOCK_ROWS, len - base);
    const from = j0 + base;
    if (at) {
      for (let r = 0; r < end; r++) {
        const v = col[at[from + r]];
        const i = v | 0;
        bad |= (i !== v ? 1 : 0) | (i >>> 15);
        if (i > max) max = i;
        x16[o + r] = i;
      }
    } else {
      for (let r = 0; r < end; r++) {
        const v = col[from + r];
        const i = v | 0;
        bad |= (i !== v ? 1 : 0) | (i >>> 15);
        if (i > max) max = i;
        x16[o + r] = i;
      }
    }
    for (let r = end; r < BLOCK_ROWS; r++) x16[o + r] = 0;
  }
  return bad === 0 ? max : -1;
}
