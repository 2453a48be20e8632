/**
 * Rows kept as 16-bit integers in the WebAssembly kernel's memory for many weighted passes over the same rows (the
 * bootstrap: one pass per resample, row weight w = count × sampling weight). The values are copied once; a pass
 * writes the row weights and runs the kernel ({@link int16Kernel}): every sum is an exact integer, so a pass gives
 * the sums of the JavaScript loops bit for bit.
 */
import { BLOCK_ROWS, flushBlocks, int16Kernel, packColumn, runPairs, type Int16Kernel } from './int16Kernel.js';
import { CHUNK_BLOCKS } from './int16Moments.js';
import { fillOnes, kernelLayout, splitPairs } from './int16Layout.js';
import { INT16_MAX } from './int16RowWeights.js';

/** Complete non-negative integer rows in a kernel instance of their own (see {@link int16Table}). */
export interface Int16Table {
  /** The kernel instance whose memory holds the rows. */
  kernel: Int16Kernel;
  /** Rows and items. */
  n: number;
  p: number;
  /** Largest value. */
  maxX: number;
  /** Blocks of {@link BLOCK_ROWS} rows. */
  blocks: number;
  /** Byte addresses: values (blocks × (p + 1) columns, the last all ones), row weights, scratch block, lanes. */
  x: number;
  w: number;
  scratch: number;
  acc: number;
  /** Views made once (the memory never grows): row weights, lanes, and the pass's double totals. */
  w16: Int16Array;
  lanes: Uint32Array;
  totals: Float64Array;
}

/**
 * The rows of the item columns as an {@link Int16Table}, or null when the kernel is unavailable (no WebAssembly
 * SIMD, or refused) or a value is not an integer in 0…32,767 (missing, negative, fractional or larger). The columns
 * are converted and checked by the kernel's `pack`, {@link CHUNK_BLOCKS} blocks at a time.
 *
 * @example
 * const t = int16Table([Float64Array.of(1, 3), Float64Array.of(2, 4)]); // rows (1, 2) and (3, 4); null without WebAssembly SIMD
 */
export function int16Table(columns: readonly Float64Array[]): Int16Table | null {
  const p = columns.length;
  const n = p > 0 ? columns[0].length : 0;
  if (p < 1 || n < 1 || columns.some((c) => c.length !== n)) return null;
  const P = p + 1;
  const blocks = Math.ceil(n / BLOCK_ROWS);
  const col = 2 * BLOCK_ROWS;
  const chunk = Math.min(CHUNK_BLOCKS, blocks);
  const L = kernelLayout(P, blocks, chunk);
  const pairs = (P * (P + 1)) / 2;
  const kernel = int16Kernel(L.bytes);
  if (!kernel) return null;
  const buffer = kernel.memory.buffer;
  const stage = new Float64Array(buffer, L.stage, chunk * BLOCK_ROWS);
  const status = new Int16Array(buffer, L.status, 16);
  let maxX = 0;
  for (let a = 0; a < p; a++) {
    for (let b0 = 0; b0 < blocks; b0 += chunk) {
      const nb = Math.min(chunk, blocks - b0);
      const j0 = b0 * BLOCK_ROWS;
      const v = packColumn(kernel, columns[a], j0, Math.min(n - j0, nb * BLOCK_ROWS), nb, P, L.x + b0 * P * col + a * col, L.stage, stage, L.status, status);
      if (v < 0) return null;
      if (v > maxX) maxX = v;
    }
  }
  fillOnes(new Int16Array(buffer, L.x, blocks * P * BLOCK_ROWS), p, P, n);
  const w16 = new Int16Array(buffer, L.w, blocks * BLOCK_ROWS);
  const lanes = new Uint32Array(buffer, L.acc, 4 * pairs);
  return { kernel, n, p, maxX, blocks, x: L.x, w: L.w, scratch: L.scratch, acc: L.acc, w16, lanes, totals: new Float64Array(pairs) };
}

/**
 * One weighted pass over the table's rows, w_i = counts_i × weights_i (1 when null): fills s (p: Σ w·x_a), c (the
 * packed upper triangle, p(p+1)/2 cells row by row: Σ w·x_a·x_b for a ≤ b) and tot = [Σ w, Σ w², Σ counts]. Returns
 * false, leaving s, c and tot untouched, when the pass does not qualify: a row weight that is not an integer, or
 * w·max x above 32,767, or Σ w·max(1, max x)² ≥ 2^53. The sums are exact integers: bit-identical to any loop.
 *
 * @example
 * const t = int16Table([Float64Array.of(1, 2, 3)]);
 * const s = new Float64Array(1), c = new Float64Array(1), tot = new Float64Array(3);
 * if (t) int16TablePass(t, Uint32Array.of(2, 0, 1), null, s, c, tot); // s = [5], c = [11], tot = [3, 5, 3]
 */
export function int16TablePass(
  t: Int16Table,
  counts: Uint32Array | null,
  weights: Float64Array | null,
  s: Float64Array,
  c: Float64Array,
  tot: Float64Array,
): boolean {
  const { n, p, maxX, kernel, w16, totals } = t;
  const limit = Math.floor(INT16_MAX / Math.max(1, maxX)); // largest w with w·x ≤ 32767
  let sw = 0;
  let sww = 0;
  let nRows = 0;
  let maxW = 0;
  let ones = true; // every w = 1
  if (counts !== null && weights === null) {
    // the bootstrap's case, w = count (a whole number): the same sums in the same order (a row of count 0 adds 0)
    for (let i = 0; i < n; i++) {
      const k = counts[i];
      if (k > limit) return false;
      w16[i] = k;
      nRows += k;
      sww += k * k;
      if (k > maxW) maxW = k;
      if (k !== 1) ones = false;
    }
    sw = nRows;
  } else {
    for (let i = 0; i < n; i++) {
      const k = counts === null ? 1 : counts[i];
      const w = weights === null ? k : k * weights[i];
      if (!(w >= 0 && w <= limit) || Math.floor(w) !== w) return false;
      w16[i] = w;
      if (w !== 1) ones = false;
      if (k === 0) continue;
      nRows += k;
      sw += w;
      sww += w * w;
      if (w > maxW) maxW = w;
    }
  }
  const perCall = Math.min(CHUNK_BLOCKS, flushBlocks(maxW, maxX));
  if (!(sw * Math.max(1, maxX) ** 2 < 2 ** 53) || perCall < 1) return false;
  const P = p + 1;
  totals.fill(0);
  if (maxW > 0) {
    // unweighted call (wx = x) only when every row's w is 1
    runPairs(kernel, t.x, ones ? 0 : t.w, t.blocks, P, t.acc, t.lanes, t.scratch, perCall, totals);
  }
  splitPairs(totals, p, s, c, true);
  tot[0] = sw;
  tot[1] = sww;
  tot[2] = nRows;
  return true;
}
